fn main() -> anyhow::Result<()> {
    // Placeholder until the command line lands: `demarche [FILE]` opens the window.
    let start = match std::env::args_os().nth(1) {
        Some(path) => demarche::ui::Startup::Open(path.into()),
        None => demarche::ui::Startup::Default,
    };
    demarche::ui::run(start)
}
