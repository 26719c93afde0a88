//! The query grammar: any query of chips prints to one line of text that parses back to
//! the same chips, and malformed text is refused with the position and what was expected.

use demarche::query::checks::Check;
use demarche::query::{Chip, Field, Query, Value};
use proptest::prelude::*;

fn value_for(field: Field) -> BoxedStrategy<Value> {
    let free = "[a-zA-Z0-9 ,\"\\\\~:é王.-]{1,12}";
    let fixed = |items: &'static [&'static str]| {
        proptest::sample::select(items).prop_map(Value::new).boxed()
    };
    match field {
        Field::Kind => fixed(&[
            "mention",
            "statement",
            "commitment",
            "stance",
            "tag",
            "link",
        ]),
        Field::Conditions => fixed(&["present", "absent"]),
        Field::Status => fixed(&["todo", "in-progress", "done"]),
        Field::Check => fixed(&Check::NAMES),
        Field::Date => fixed(&[
            "2019",
            "2019-05",
            "2019-05-31",
            "2019..2020-06",
            "..2021-12-31",
            "2019-01-01..",
            "undated",
        ]),
        Field::Document => any::<u32>().prop_map(|n| Value::new(n.to_string())).boxed(),
        f if f.is_actor() => (free, any::<bool>())
            .prop_map(|(text, family)| Value { text, family })
            .boxed(),
        _ => free.prop_map(Value::new).boxed(),
    }
}

fn chip() -> impl Strategy<Value = Chip> {
    proptest::sample::select(Field::ALL.to_vec()).prop_flat_map(|field| {
        (prop::collection::vec(value_for(field), 1..4), any::<bool>()).prop_map(
            move |(values, negated)| Chip {
                field,
                negated,
                values,
            },
        )
    })
}

proptest! {
    #[test]
    fn chips_print_to_text_that_parses_back_to_the_same_chips(
        chips in prop::collection::vec(chip(), 0..6)
    ) {
        let query = Query { chips };
        let text = query.to_string();
        prop_assert!(!text.contains('\n'));
        let back = Query::parse(&text);
        prop_assert_eq!(back.as_ref().ok(), Some(&query), "{} → {:?}", text, back);
    }
}

#[test]
fn malformed_queries_are_refused_with_the_position_and_what_was_expected() {
    let cases: [(&str, usize, &str); 7] = [
        ("kind:commitment colour:red", 16, "a field"),
        ("committer:", 10, "a value for committer:"),
        ("speaker:\"Wang Yi", 16, "a closing quote"),
        ("kind:treaty", 5, "a kind"),
        ("date:2019-02-30", 5, "a date or range"),
        ("strength:certain~", 16, "no “~”"),
        ("\"cooperation\"kind:stance", 13, "a space"),
    ];
    for (text, position, expected) in cases {
        let err = Query::parse(text).expect_err(text);
        assert_eq!(err.position, position, "{text}: {err}");
        assert!(err.expected.starts_with(expected), "{text}: {err}");
    }
}
