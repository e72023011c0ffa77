//! Reading the compiled course's JSON (written by `serde_json` from the derived `Serialize`)
//! by hand, through a `serde_json::Value`. The derived `Deserialize` of the ~30 course types cost
//! ~80 KB of browser code (one `serde_json::Deserializer` copy per type); walking a `Value`,
//! which the app parses anyway, costs a few calls per field. The shapes are serde's defaults:
//! structs are objects by field name, `Option` is `null`, enums are externally tagged (a unit
//! variant is its name as a string, any other variant a one-entry object), with the renames the
//! types declare. `Compiled`'s round-trip test proves the two sides agree.

use std::cell::Cell;
use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::architecture::{Architecture, Part};
use crate::compiled::Compiled;
use crate::course::{Course, Module};
use crate::exercise::Exercise;
use crate::explain::{Entry, ErrorTable, Pattern, Piece};
use crate::goal::{
    Check, Condition, ContainerProp, ExitExpect, Expr, Goal, ImageProp, Quantity, Span, WantedState,
};
use crate::lesson::{Example, Lesson};
use crate::lesson_body::{FileBlock, Heading, Segment};
use crate::lint_rules::LintRule;
use crate::quiz::{Choice, Kind, Mode, Question, Quiz, Rich};
use crate::restriction::Restriction;
use crate::scan_notes::ScanNote;

/// Where the document does not have the expected shape: the field names leading there,
/// innermost first.
#[derive(Debug, Default)]
pub(crate) struct Misfit {
    path: Vec<&'static str>,
}

impl Misfit {
    fn within(mut self, name: &'static str) -> Misfit {
        self.path.push(name);
        self
    }

    /// A Spanish message naming the field (`course.lessons.quiz`).
    pub(crate) fn message(&self) -> String {
        let path: Vec<&str> = self.path.iter().rev().copied().collect();
        if path.is_empty() {
            "el documento no tiene la forma esperada".to_string()
        } else {
            format!("el campo `{}` falta o no tiene la forma esperada", path.join("."))
        }
    }
}

type Read<T> = Result<T, Misfit>;

/// A value read back from the document.
pub(crate) trait FromJson: Sized {
    fn from_json(value: &Value) -> Read<Self>;
}

/// The fields of a struct. Reading a field never fails on the spot: a misfit is noted (the first
/// one wins) and a stand-in value used, and [`Fields::done`] reports it. Early returns after each
/// field made every struct's decoder drop the fields already read, once per field: most of the
/// decoders' code.
struct Fields<'a> {
    map: &'a Map<String, Value>,
    misfit: Cell<Option<Misfit>>,
}

impl<'a> Fields<'a> {
    fn of(value: &'a Value) -> Read<Fields<'a>> {
        let map = value.as_object().ok_or_default()?;
        Ok(Fields { map, misfit: Cell::new(None) })
    }

    /// A missing field reads as `null` (what serde gives an `Option` field that is absent).
    fn get<T: FromJson + Default>(&self, name: &'static str) -> T {
        self.get_or(name, T::default())
    }

    /// A field whose type has no `Default`: `stand_in` is used (and dropped) if it does not fit.
    fn get_or<T: FromJson>(&self, name: &'static str, stand_in: T) -> T {
        match T::from_json(self.map.get(name).unwrap_or(&Value::Null)) {
            Ok(value) => value,
            Err(misfit) => {
                self.note(misfit.within(name));
                stand_in
            }
        }
    }

    fn note(&self, misfit: Misfit) {
        let first = self.misfit.take().unwrap_or(misfit);
        self.misfit.set(Some(first));
    }

    /// The value built from the fields, or the first misfit among them.
    fn done<T>(&self, value: T) -> Read<T> {
        match self.misfit.take() {
            None => Ok(value),
            Some(misfit) => Err(misfit),
        }
    }
}

/// `Option::ok_or_else(Misfit::default)`, shorter to write.
trait OrMisfit<T> {
    fn ok_or_default(self) -> Read<T>;
}

impl<T> OrMisfit<T> for Option<T> {
    fn ok_or_default(self) -> Read<T> {
        self.ok_or_else(Misfit::default)
    }
}

/// An externally tagged enum value: the variant's name and its content (`null` for a unit variant).
fn variant(value: &Value) -> Read<(&str, &Value)> {
    match value {
        Value::String(name) => Ok((name, &Value::Null)),
        Value::Object(map) if map.len() == 1 => map.iter().next().map(|(k, v)| (k.as_str(), v)).ok_or_default(),
        _ => Err(Misfit::default()),
    }
}

fn unsigned(value: &Value) -> Read<u64> {
    value.as_u64().ok_or_default()
}

impl FromJson for String {
    fn from_json(value: &Value) -> Read<Self> {
        value.as_str().map(str::to_string).ok_or_default()
    }
}

impl FromJson for bool {
    fn from_json(value: &Value) -> Read<Self> {
        value.as_bool().ok_or_default()
    }
}

impl FromJson for u8 {
    fn from_json(value: &Value) -> Read<Self> {
        u8::try_from(unsigned(value)?).ok().ok_or_default()
    }
}

impl FromJson for u16 {
    fn from_json(value: &Value) -> Read<Self> {
        u16::try_from(unsigned(value)?).ok().ok_or_default()
    }
}

impl FromJson for u32 {
    fn from_json(value: &Value) -> Read<Self> {
        u32::try_from(unsigned(value)?).ok().ok_or_default()
    }
}

impl FromJson for usize {
    fn from_json(value: &Value) -> Read<Self> {
        usize::try_from(unsigned(value)?).ok().ok_or_default()
    }
}

impl FromJson for i32 {
    fn from_json(value: &Value) -> Read<Self> {
        value.as_i64().and_then(|n| i32::try_from(n).ok()).ok_or_default()
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(value: &Value) -> Read<Self> {
        if value.is_null() {
            Ok(None)
        } else {
            T::from_json(value).map(Some)
        }
    }
}

impl<T: FromJson> FromJson for Box<T> {
    fn from_json(value: &Value) -> Read<Self> {
        T::from_json(value).map(Box::new)
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: &Value) -> Read<Self> {
        // A loop rather than `collect()` into a `Result`: one small function per element type
        // instead of an iterator adapter copy with the element's decoder inlined.
        let items = value.as_array().ok_or_default()?;
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            out.push(T::from_json(item)?);
        }
        Ok(out)
    }
}

impl<T: FromJson> FromJson for BTreeMap<String, T> {
    fn from_json(value: &Value) -> Read<Self> {
        let mut map = BTreeMap::new();
        for (key, item) in value.as_object().ok_or_default()? {
            map.insert(key.clone(), T::from_json(item)?);
        }
        Ok(map)
    }
}

impl FromJson for Restriction {
    fn from_json(value: &Value) -> Read<Self> {
        Restriction::parse(value.as_str().ok_or_default()?).ok().ok_or_default()
    }
}

impl FromJson for Compiled {
    fn from_json(value: &Value) -> Read<Self> {
        let f = Fields::of(value)?;
        f.done(Compiled {
            course: f.get_or("course", Course { title: String::new(), modules: Vec::new(), lessons: Vec::new(), errors: ErrorTable::default() }),
            lint_rules: f.get("lint_rules"),
            scan_notes: f.get("scan_notes"),
            architecture: f.get("architecture"),
        })
    }
}

impl FromJson for Course {
    fn from_json(value: &Value) -> Read<Self> {
        let f = Fields::of(value)?;
        f.done(Course {
            title: f.get("title"),
            modules: f.get("modules"),
            lessons: f.get("lessons"),
            errors: f.get("errors"),
        })
    }
}

impl FromJson for Module {
    fn from_json(value: &Value) -> Read<Self> {
        let f = Fields::of(value)?;
        f.done(Module {
            id: f.get("id"),
            title: f.get("title"),
            description: f.get("description"),
            lessons: f.get("lessons"),
        })
    }
}

impl FromJson for Lesson {
    fn from_json(value: &Value) -> Read<Self> {
        let f = Fields::of(value)?;
        f.done(Lesson {
            id: f.get("id"),
            title: f.get("title"),
            module: f.get("module"),
            order: f.get("order"),
            objectives: f.get("objectives"),
            objectives_html: f.get("objectives_html"),
            duration: f.get("duration"),
            file: f.get("file"),
            html: f.get("html"),
            segments: f.get("segments"),
            headings: f.get("headings"),
            examples: f.get("examples"),
            snippets: f.get("snippets"),
            exercises: f.get("exercises"),
            quiz: f.get("quiz"),
        })
    }
}

impl FromJson for Segment {
    fn from_json(value: &Value) -> Read<Self> {
        match variant(value)? {
            ("Html", v) => String::from_json(v).map(Segment::Html),
            ("Exercise", v) => String::from_json(v).map(Segment::Exercise),
            ("Quiz", _) => Ok(Segment::Quiz),
            _ => Err(Misfit::default()),
        }
    }
}

impl FromJson for Heading {
    fn from_json(value: &Value) -> Read<Self> {
        let f = Fields::of(value)?;
        f.done(Heading { level: f.get("level"), id: f.get("id"), text: f.get("text") })
    }
}

impl FromJson for Example {
    fn from_json(value: &Value) -> Read<Self> {
        let f = Fields::of(value)?;
        f.done(Example {
            index: f.get("index"),
            lang: f.get("lang"),
            code: f.get("code"),
            commands: f.get("commands"),
            expect_failure: f.get("expect_failure"),
            line: f.get("line"),
        })
    }
}

impl FromJson for FileBlock {
    fn from_json(value: &Value) -> Read<Self> {
        let f = Fields::of(value)?;
        f.done(FileBlock { lang: f.get("lang"), name: f.get("name"), code: f.get("code") })
    }
}

impl FromJson for Exercise {
    fn from_json(value: &Value) -> Read<Self> {
        let f = Fields::of(value)?;
        f.done(Exercise {
            id: f.get("id"),
            lesson_id: f.get("lesson_id"),
            title: f.get("title"),
            statement: f.get("statement"),
            setup: f.get("setup"),
            goal_text: f.get("goal_text"),
            goal: f.get_or("goal", Goal { expr: Expr::And(Vec::new()) }),
            hints: f.get("hints"),
            solution: f.get("solution"),
            restrictions: f.get("restrictions"),
        })
    }
}

impl FromJson for Rich {
    fn from_json(value: &Value) -> Read<Self> {
        let f = Fields::of(value)?;
        f.done(Rich { markdown: f.get("markdown"), html: f.get("html") })
    }
}

impl FromJson for Quiz {
    fn from_json(value: &Value) -> Read<Self> {
        let f = Fields::of(value)?;
        f.done(Quiz { id: f.get("id"), title: f.get("title"), mode: f.get_or("mode", Mode::Practice), questions: f.get("questions") })
    }
}

impl FromJson for Mode {
    fn from_json(value: &Value) -> Read<Self> {
        match variant(value)?.0 {
            "practica" => Ok(Mode::Practice),
            "entrega" => Ok(Mode::HandIn),
            _ => Err(Misfit::default()),
        }
    }
}

impl FromJson for Kind {
    fn from_json(value: &Value) -> Read<Self> {
        match variant(value)?.0 {
            "unica" => Ok(Kind::Single),
            "multiple" => Ok(Kind::Multiple),
            "ordenar" => Ok(Kind::Ordering),
            "abierta" => Ok(Kind::Open),
            _ => Err(Misfit::default()),
        }
    }
}

impl FromJson for Question {
    fn from_json(value: &Value) -> Read<Self> {
        let f = Fields::of(value)?;
        f.done(Question {
            id: f.get("id"),
            kind: f.get_or("kind", Kind::Open),
            prompt: f.get("prompt"),
            points: f.get("points"),
            choices: f.get("choices"),
            partial: f.get("partial"),
            feedback: f.get("feedback"),
            rubric: f.get("rubric"),
        })
    }
}

impl FromJson for Choice {
    fn from_json(value: &Value) -> Read<Self> {
        let f = Fields::of(value)?;
        f.done(Choice { id: f.get("id"), text: f.get("text"), correct: f.get("correct"), feedback: f.get("feedback") })
    }
}

impl FromJson for ErrorTable {
    fn from_json(value: &Value) -> Read<Self> {
        let f = Fields::of(value)?;
        f.done(ErrorTable { entries: f.get("entries") })
    }
}

impl FromJson for Entry {
    fn from_json(value: &Value) -> Read<Self> {
        let f = Fields::of(value)?;
        f.done(Entry {
            kind: f.get("kind"),
            patterns: f.get("patterns"),
            title: f.get("title"),
            text: f.get("text"),
            html: f.get("html"),
        })
    }
}

impl FromJson for Pattern {
    fn from_json(value: &Value) -> Read<Self> {
        let f = Fields::of(value)?;
        f.done(Pattern { pieces: f.get("pieces") })
    }
}

impl FromJson for Piece {
    fn from_json(value: &Value) -> Read<Self> {
        match variant(value)? {
            ("Literal", v) => String::from_json(v).map(Piece::Literal),
            ("Hole", v) => String::from_json(v).map(Piece::Hole),
            _ => Err(Misfit::default()),
        }
    }
}

impl FromJson for LintRule {
    fn from_json(value: &Value) -> Read<Self> {
        let f = Fields::of(value)?;
        f.done(LintRule {
            codigo: f.get("codigo"),
            titulo: f.get("titulo"),
            explicacion: f.get("explicacion"),
            por_que: f.get("por_que"),
            mal: f.get("mal"),
            bien: f.get("bien"),
            explicacion_html: f.get("explicacion_html"),
            por_que_html: f.get("por_que_html"),
        })
    }
}

impl FromJson for ScanNote {
    fn from_json(value: &Value) -> Read<Self> {
        let f = Fields::of(value)?;
        f.done(ScanNote { clave: f.get("clave"), titulo: f.get("titulo"), explicacion: f.get("explicacion") })
    }
}

impl FromJson for Architecture {
    fn from_json(value: &Value) -> Read<Self> {
        let f = Fields::of(value)?;
        f.done(Architecture { parts: f.get("parts"), actions: f.get("actions") })
    }
}

impl FromJson for Part {
    fn from_json(value: &Value) -> Read<Self> {
        let f = Fields::of(value)?;
        f.done(Part { id: f.get("id"), name: f.get("name"), summary: f.get("summary"), html: f.get("html") })
    }
}

impl FromJson for Goal {
    fn from_json(value: &Value) -> Read<Self> {
        let f = Fields::of(value)?;
        f.done(Goal { expr: f.get_or("expr", Expr::And(Vec::new())) })
    }
}

impl FromJson for Expr {
    fn from_json(value: &Value) -> Read<Self> {
        match variant(value)? {
            ("Cond", v) => Condition::from_json(v).map(Expr::Cond),
            ("Not", v) => Box::from_json(v).map(Expr::Not),
            ("And", v) => Vec::from_json(v).map(Expr::And),
            ("Or", v) => Vec::from_json(v).map(Expr::Or),
            _ => Err(Misfit::default()),
        }
    }
}

impl FromJson for Condition {
    fn from_json(value: &Value) -> Read<Self> {
        let f = Fields::of(value)?;
        f.done(Condition { check: f.get_or("check", Check::OutputContains(String::new())), span: f.get("span") })
    }
}

impl FromJson for Span {
    fn from_json(value: &Value) -> Read<Self> {
        let f = Fields::of(value)?;
        f.done(Span { start: f.get("start"), end: f.get("end") })
    }
}

impl FromJson for Check {
    fn from_json(value: &Value) -> Read<Self> {
        match variant(value)? {
            ("Containers", v) => {
                let f = Fields::of(v)?;
                f.done(Check::Containers { quantity: f.get_or("quantity", Quantity::AtLeast(0)), props: f.get("props") })
            }
            ("Images", v) => {
                let f = Fields::of(v)?;
                f.done(Check::Images { quantity: f.get_or("quantity", Quantity::AtLeast(0)), reference: f.get("reference"), props: f.get("props") })
            }
            ("LastExit", v) => ExitExpect::from_json(v).map(Check::LastExit),
            ("OutputContains", v) => String::from_json(v).map(Check::OutputContains),
            _ => Err(Misfit::default()),
        }
    }
}

impl FromJson for Quantity {
    fn from_json(value: &Value) -> Read<Self> {
        let (name, v) = variant(value)?;
        let make = match name {
            "AtLeast" => Quantity::AtLeast,
            "AtMost" => Quantity::AtMost,
            "Exactly" => Quantity::Exactly,
            "MoreThan" => Quantity::MoreThan,
            "LessThan" => Quantity::LessThan,
            _ => return Err(Misfit::default()),
        };
        u32::from_json(v).map(make)
    }
}

impl FromJson for ContainerProp {
    fn from_json(value: &Value) -> Read<Self> {
        match variant(value)? {
            ("State", v) => WantedState::from_json(v).map(ContainerProp::State),
            ("Name", v) => String::from_json(v).map(ContainerProp::Name),
            ("Image", v) => String::from_json(v).map(ContainerProp::Image),
            ("Publishes", v) => {
                let f = Fields::of(v)?;
                f.done(ContainerProp::Publishes {
                    container_port: f.get("container_port"),
                    proto: f.get("proto"),
                    host_port: f.get("host_port"),
                })
            }
            ("Env", v) => {
                let f = Fields::of(v)?;
                f.done(ContainerProp::Env { name: f.get("name"), value: f.get("value") })
            }
            ("Restart", v) => String::from_json(v).map(ContainerProp::Restart),
            ("ExitCode", v) => i32::from_json(v).map(ContainerProp::ExitCode),
            ("Mount", v) => {
                let f = Fields::of(v)?;
                f.done(ContainerProp::Mount { source: f.get("source"), target: f.get("target") })
            }
            ("Network", v) => String::from_json(v).map(ContainerProp::Network),
            _ => Err(Misfit::default()),
        }
    }
}

impl FromJson for WantedState {
    fn from_json(value: &Value) -> Read<Self> {
        match variant(value)?.0 {
            "Created" => Ok(WantedState::Created),
            "Running" => Ok(WantedState::Running),
            "Paused" => Ok(WantedState::Paused),
            "Restarting" => Ok(WantedState::Restarting),
            "Exited" => Ok(WantedState::Exited),
            "Dead" => Ok(WantedState::Dead),
            _ => Err(Misfit::default()),
        }
    }
}

impl FromJson for ImageProp {
    fn from_json(value: &Value) -> Read<Self> {
        match variant(value)? {
            ("Layers", v) => Quantity::from_json(v).map(ImageProp::Layers),
            ("Exposes", v) => {
                let f = Fields::of(v)?;
                f.done(ImageProp::Exposes { port: f.get("port"), proto: f.get("proto") })
            }
            _ => Err(Misfit::default()),
        }
    }
}

impl FromJson for ExitExpect {
    fn from_json(value: &Value) -> Read<Self> {
        match variant(value)? {
            ("Code", v) => i32::from_json(v).map(ExitExpect::Code),
            ("Success", _) => Ok(ExitExpect::Success),
            ("Failure", _) => Ok(ExitExpect::Failure),
            _ => Err(Misfit::default()),
        }
    }
}
