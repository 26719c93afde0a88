//! The application: owns the workspace and the views, draws the window, runs commands.

use super::Startup;
use super::article::ArticleView;
use crate::model::Project;
use crate::workspace::Workspace;

pub struct DemarcheApp {
    workspace: Workspace,
    article: ArticleView,
}

impl DemarcheApp {
    pub fn new(_ctx: &egui::Context, start: Startup) -> Self {
        let _ = start;
        Self {
            workspace: Workspace::new(Project::new(""), None),
            article: ArticleView::new(),
        }
    }
}

impl eframe::App for DemarcheApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading(self.workspace.display_name());
        });
        let _ = &mut self.article;
    }
}
