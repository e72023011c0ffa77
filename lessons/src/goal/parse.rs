//! The goal grammar, written with nom 8: text → [`Goal`].
//!
//! One function per rule; each documents its rule in a small EBNF (Spanish keywords, matched
//! without regard to case or accents: `ejecución` = `ejecucion` = `EJECUCIÓN`). Values are single
//! words (`web`, `nginx:1.27`, `A=1`) or text in double quotes (`"hola mundo"`).
//!
//! Errors carry the byte offset, line and column of the offending word and say, in Spanish, what
//! was expected there. Every failed alternative records what it expected at its position; the
//! error shows the expectations at the furthest position reached, which is where the author's
//! text stopped making sense.
//!
//! The grammar has no recursion (no parentheses, `no` applies to one condition), so no input can
//! exhaust the stack.

use std::cell::{Cell, RefCell};
use std::fmt;

use nom::branch::alt;
use nom::bytes::complete::{take_while, take_while1};
use nom::combinator::opt;
use nom::error::{ErrorKind, ParseError};
use nom::{Err as NomErr, IResult, Parser};

use super::{Check, Condition, ContainerProp, ExitExpect, Expr, Goal, ImageProp, Quantity, Span, WantedState};
use crate::text::fold;

/// Why a goal could not be read, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoalParseError {
    /// Byte offset into the goal text.
    pub offset: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What is wrong, in Spanish.
    pub message: String,
}

impl fmt::Display for GoalParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "línea {}, columna {}: {}", self.line, self.column, self.message)
    }
}

impl std::error::Error for GoalParseError {}

/// The nom error: where it happened (as the length of the input left) and, for errors that stop
/// the parse at once (`cut`), a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PError {
    remaining: usize,
    message: Option<String>,
}

impl ParseError<&str> for PError {
    fn from_error_kind(input: &str, _kind: ErrorKind) -> Self {
        PError { remaining: input.len(), message: None }
    }

    fn append(_input: &str, _kind: ErrorKind, other: Self) -> Self {
        other
    }

    fn or(self, other: Self) -> Self {
        if other.remaining <= self.remaining {
            other
        } else {
            self
        }
    }
}

type Res<'a, T> = IResult<&'a str, T, PError>;

thread_local! {
    /// Length of the whole goal text being parsed (to turn remaining lengths into offsets).
    static INPUT_LEN: Cell<usize> = const { Cell::new(0) };
    /// The furthest position any rule failed at (as remaining length) and what was expected there.
    static FURTHEST: RefCell<(usize, Vec<&'static str>)> = const { RefCell::new((usize::MAX, Vec::new())) };
}

const CONDITION: &str = "una condición («contenedor…», «imagen…», «el último comando…» o «la salida…»)";
const CONTAINER_PROP: &str = "una propiedad del contenedor (un estado, «llamado», «de la imagen», «publicando», «con…», «en la red»)";
const IMAGE_PROP: &str = "una propiedad de la imagen («con N capas», «que expone»)";
const NUMBER: &str = "un número";
const VALUE: &str = "un valor (una palabra o un texto entre comillas)";

/// Words that end a bare value where a value is optional (the image of `imagen`).
const RESERVED: &[&str] = &["con", "que", "expone", "exponiendo", "ausente", "ausentes", "y", "e", "o"];
const EXISTS: &[&str] = &["hay", "existe", "existen"];
const NONE_WORDS: &[&str] = &["ningun", "ninguna", "ninguno"];

/// Parses a goal.
pub fn parse(text: &str) -> Result<Goal, GoalParseError> {
    INPUT_LEN.with(|l| l.set(text.len()));
    FURTHEST.with(|f| *f.borrow_mut() = (usize::MAX, Vec::new()));
    let result = disjunction(text);
    let error = match result {
        Ok((rest, expr)) => {
            let rest = rest.trim_start();
            if rest.is_empty() {
                return Ok(Goal { expr });
            }
            record(rest.len(), "«y», «o» o el final del objetivo");
            None
        }
        Err(NomErr::Failure(e)) | Err(NomErr::Error(e)) => e.message.map(|m| (e.remaining, m)),
        Err(NomErr::Incomplete(_)) => None,
    };
    Err(match error {
        Some((remaining, message)) => error_at(text, remaining, message),
        None => furthest_error(text),
    })
}

fn error_at(text: &str, remaining: usize, message: String) -> GoalParseError {
    let offset = text.len().saturating_sub(remaining);
    let (line, column) = crate::text::line_column(text, offset);
    GoalParseError { offset, line, column, message }
}

fn furthest_error(text: &str) -> GoalParseError {
    let (remaining, expected) = FURTHEST.with(|f| f.borrow().clone());
    let remaining = remaining.min(text.len());
    let at = text.get(text.len() - remaining..).unwrap_or_default();
    let found = match word(at) {
        Ok((_, w)) => format!("pero hay «{w}»"),
        Err(_) if at.trim_start().starts_with(',') => "pero hay una coma".to_string(),
        Err(_) if at.trim_start().starts_with('"') => "pero hay un texto entre comillas".to_string(),
        Err(_) => "pero el objetivo termina ahí".to_string(),
    };
    let expected = match expected.as_slice() {
        [] => CONDITION.to_string(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} o {last}", init.join(", ")),
    };
    let skipped = at.len() - at.trim_start().len();
    error_at(text, remaining - skipped, format!("se esperaba {expected}, {found}"))
}

/// Notes that `what` was expected where `remaining` bytes were left.
fn record(remaining: usize, what: &'static str) {
    if what.is_empty() {
        return;
    }
    FURTHEST.with(|f| {
        let mut f = f.borrow_mut();
        if remaining < f.0 {
            *f = (remaining, vec![what]);
        } else if remaining == f.0 && !f.1.contains(&what) {
            f.1.push(what);
        }
    });
}

/// A recoverable failure at the next word of `i`, expecting `what`.
fn expected<'a, T>(i: &'a str, what: &'static str) -> Res<'a, T> {
    let at = i.trim_start();
    record(at.len(), what);
    Err(NomErr::Error(PError { remaining: at.len(), message: None }))
}

/// A failure that stops the parse, with its own message, at the next word of `i`.
fn failure<T>(i: &str, message: String) -> Res<'_, T> {
    Err(NomErr::Failure(PError { remaining: i.trim_start().len(), message: Some(message) }))
}

/// Turns a recoverable error into one that stops the parse (after a keyword that commits).
fn cut<'a, T>(r: Res<'a, T>) -> Res<'a, T> {
    r.map_err(|e| match e {
        NomErr::Error(e) => NomErr::Failure(e),
        other => other,
    })
}

fn offset(i: &str) -> usize {
    INPUT_LEN.with(Cell::get).saturating_sub(i.len())
}

// ---------------------------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------------------------

/// espacio = { " " | tabulador | salto de línea }
fn space(i: &str) -> Res<'_, &str> {
    take_while(char::is_whitespace).parse(i)
}

/// palabra = { carácter que no sea espacio, "," ni '"' }+
fn word(i: &str) -> Res<'_, &str> {
    let (i, _) = space(i)?;
    take_while1(|c: char| !c.is_whitespace() && c != ',' && c != '"').parse(i)
}

/// cadena = '"' { carácter | '\"' | '\\' } '"'
fn quoted(i: &str) -> Res<'_, String> {
    let (i, _) = space(i)?;
    let Some(body) = i.strip_prefix('"') else { return expected(i, VALUE) };
    let mut out = String::new();
    let mut chars = body.char_indices();
    while let Some((pos, c)) = chars.next() {
        match c {
            '"' => return Ok((body.get(pos + 1..).unwrap_or_default(), out)),
            '\\' => match chars.next() {
                Some((_, e)) => out.push(e),
                None => break,
            },
            other => out.push(other),
        }
    }
    failure(i, "falta la comilla (\") que cierra este texto".to_string())
}

/// valor = cadena | palabra
fn value(i: &str) -> Res<'_, String> {
    if i.trim_start().starts_with('"') {
        return quoted(i);
    }
    match word(i) {
        Ok((rest, w)) => Ok((rest, w.to_string())),
        Err(_) => expected(i, VALUE),
    }
}

/// A keyword: the next word, folded, is one of `words`. Records `what` on failure.
fn kw<'a>(words: &'static [&'static str], what: &'static str) -> impl Fn(&'a str) -> Res<'a, ()> {
    move |i: &'a str| match word(i) {
        Ok((rest, w)) if words.contains(&fold(w).as_str()) => Ok((rest, ())),
        _ => expected(i, what),
    }
}

/// número = dígito { dígito }
fn number(i: &str) -> Res<'_, u32> {
    match word(i) {
        Ok((rest, w)) if !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()) => match w.parse::<u32>() {
            Ok(n) => Ok((rest, n)),
            Err(_) => failure(i, format!("el número «{w}» es demasiado grande")),
        },
        _ => expected(i, NUMBER),
    }
}

/// puerto = número ["/" ("tcp" | "udp" | "sctp")]
fn port(i: &str) -> Res<'_, (u16, String)> {
    let Ok((rest, w)) = word(i) else { return expected(i, "un puerto (por ejemplo 80 o 53/udp)") };
    let (num, proto) = w.split_once('/').unwrap_or((w, "tcp"));
    let proto = proto.to_ascii_lowercase();
    if num.is_empty() || !num.bytes().all(|b| b.is_ascii_digit()) {
        return expected(i, "un puerto (por ejemplo 80 o 53/udp)");
    }
    if !matches!(proto.as_str(), "tcp" | "udp" | "sctp") {
        return failure(i, format!("el protocolo «{proto}» no existe: usa tcp, udp o sctp"));
    }
    match num.parse::<u16>() {
        Ok(p) if p > 0 => Ok((rest, (p, proto))),
        _ => failure(i, format!("el puerto «{num}» no es válido: debe estar entre 1 y 65535")),
    }
}

// ---------------------------------------------------------------------------------------------
// Structure
// ---------------------------------------------------------------------------------------------

/// disyunción = conjunción { "o" conjunción }
fn disjunction(i: &str) -> Res<'_, Expr> {
    let (mut i, first) = conjunction(i)?;
    let mut items = vec![first];
    loop {
        match kw(&["o", "u"], "«o»")(i) {
            Ok((rest, ())) => {
                let (rest, next) = cut(conjunction(rest))?;
                items.push(next);
                i = rest;
            }
            Err(NomErr::Error(_)) => break,
            Err(e) => return Err(e),
        }
    }
    Ok((i, if items.len() == 1 { items.pop().unwrap_or(Expr::And(Vec::new())) } else { Expr::Or(items) }))
}

/// conjunción = condición { conector condición }
fn conjunction(i: &str) -> Res<'_, Expr> {
    let (mut i, first) = condition(i)?;
    let mut items = vec![first];
    loop {
        match connector(i) {
            Ok((rest, ())) => {
                let (rest, next) = cut(condition(rest))?;
                items.push(next);
                i = rest;
            }
            Err(NomErr::Error(_)) => break,
            Err(e) => return Err(e),
        }
    }
    Ok((i, if items.len() == 1 { items.pop().unwrap_or(Expr::And(Vec::new())) } else { Expr::And(items) }))
}

/// conector = "," ["y"] | "y" | salto de línea
fn connector(i: &str) -> Res<'_, ()> {
    let trimmed = i.trim_start();
    if let Some(rest) = trimmed.strip_prefix(',') {
        let (rest, _) = opt(kw(&["y", "e"], "")).parse(rest)?;
        return Ok((rest, ()));
    }
    if let Ok(ok) = kw(&["y", "e"], "«y»")(i) {
        return Ok(ok);
    }
    record(trimmed.len(), "una coma");
    let same_line = i.trim_start_matches([' ', '\t', '\r']);
    if same_line.starts_with('\n') && !same_line.trim().is_empty() && kw(&["o", "u"], "")(same_line).is_err() {
        return Ok((same_line, ()));
    }
    Err(NomErr::Error(PError { remaining: trimmed.len(), message: None }))
}

/// condición = "no" ["hay" | "existe" | "existen"] afirmación | afirmación
///
/// "no hay ningún contenedor…" is Spanish double negation: it means the same as "ningún
/// contenedor…", not its opposite.
fn condition(i: &str) -> Res<'_, Expr> {
    match kw(&["no"], "")(i) {
        Ok((rest, ())) => {
            let (rest, _) = opt(kw(EXISTS, "")).parse(rest)?;
            let emphatic = kw(NONE_WORDS, "")(rest).is_ok();
            let (rest, cond) = cut(assertion(rest))?;
            let cond = Expr::Cond(cond);
            Ok((rest, if emphatic { cond } else { Expr::Not(Box::new(cond)) }))
        }
        Err(NomErr::Error(_)) => assertion(i).map(|(rest, c)| (rest, Expr::Cond(c))),
        Err(e) => Err(e),
    }
}

/// afirmación = ["hay" | "existe" | "existen"] (sobre_comando | sobre_salida | sobre_contenedores | sobre_imágenes)
fn assertion(i: &str) -> Res<'_, Condition> {
    let start = offset(i.trim_start());
    let (i, _) = opt(kw(EXISTS, "")).parse(i)?;
    let (rest, check) = alt((last_command, output_contains, containers, images)).parse(i)?;
    Ok((rest, Condition { check, span: Span { start, end: offset(rest) } }))
}

/// cantidad = "ningún" | "ninguna" | "un" | "una" | "algún" | "alguna" | "el" | "la" | comparación
fn quantity(i: &str) -> Res<'_, Quantity> {
    if let Ok((rest, ())) = kw(NONE_WORDS, "")(i) {
        return Ok((rest, Quantity::Exactly(0)));
    }
    if let Ok((rest, ())) = kw(&["un", "una", "algun", "alguna", "el", "la"], "")(i) {
        return Ok((rest, Quantity::AtLeast(1)));
    }
    comparison(i)
}

/// comparación = "al" "menos" número | "como" ("mínimo" | "máximo" | "mucho") número
///             | "exactamente" número | "más" "de" número | "menos" "de" número | número
fn comparison(i: &str) -> Res<'_, Quantity> {
    if let Ok((rest, ())) = kw(&["al"], "")(i) {
        let (rest, ()) = cut(kw(&["menos"], "«menos»")(rest))?;
        let (rest, n) = cut(number(rest))?;
        return Ok((rest, Quantity::AtLeast(n)));
    }
    if let Ok((rest, ())) = kw(&["como"], "")(i) {
        let (rest, w) = cut(word(rest).or_else(|_| expected(rest, "«mínimo», «máximo» o «mucho»")))?;
        let n_rest = rest;
        let (rest, n) = cut(number(rest))?;
        return match fold(w).as_str() {
            "minimo" => Ok((rest, Quantity::AtLeast(n))),
            "maximo" | "mucho" => Ok((rest, Quantity::AtMost(n))),
            _ => failure(n_rest, format!("tras «como» se esperaba «mínimo», «máximo» o «mucho», pero hay «{w}»")),
        };
    }
    if let Ok((rest, ())) = kw(&["exactamente"], "")(i) {
        let (rest, n) = cut(number(rest))?;
        return Ok((rest, Quantity::Exactly(n)));
    }
    if let Ok((rest, ())) = kw(&["mas"], "")(i) {
        let (rest, ()) = cut(kw(&["de"], "«de»")(rest))?;
        let (rest, n) = cut(number(rest))?;
        return Ok((rest, Quantity::MoreThan(n)));
    }
    if let Ok((rest, ())) = kw(&["menos"], "")(i) {
        let (rest, ()) = cut(kw(&["de"], "«de»")(rest))?;
        let (rest, n) = cut(number(rest))?;
        return Ok((rest, Quantity::LessThan(n)));
    }
    let (rest, n) = number(i)?;
    Ok((rest, Quantity::Exactly(n)))
}

// ---------------------------------------------------------------------------------------------
// Containers
// ---------------------------------------------------------------------------------------------

/// sobre_contenedores = [cantidad] ("contenedor" | "contenedores") { ["y"] ["que"] propiedad_contenedor }
fn containers(i: &str) -> Res<'_, Check> {
    let (i, q) = opt(quantity).parse(i)?;
    let (mut i, ()) = kw(&["contenedor", "contenedores"], CONDITION)(i)?;
    let mut props = Vec::new();
    loop {
        match and_container_prop(i) {
            Ok((rest, p)) => {
                props.push(p);
                i = rest;
            }
            Err(NomErr::Error(_)) => break,
            Err(e) => return Err(e),
        }
    }
    Ok((i, Check::Containers { quantity: q.unwrap_or(Quantity::AtLeast(1)), props }))
}

/// ["y"] ["que"] propiedad_contenedor
fn and_container_prop(i: &str) -> Res<'_, ContainerProp> {
    let (i, _) = opt(kw(&["y", "e"], "")).parse(i)?;
    let (i, _) = opt(kw(&["que"], "")).parse(i)?;
    container_prop(i)
}

/// propiedad_contenedor = estado | nombre | de_imagen | publicación | terminó | con_algo | en_red
fn container_prop(i: &str) -> Res<'_, ContainerProp> {
    match alt((state_prop, named, of_image, publishing, finished, with_something, in_network)).parse(i) {
        Err(NomErr::Error(_)) => expected(i, CONTAINER_PROP),
        other => other,
    }
}

/// estado = ["está" | "están" | "esté"] ( "creado" | "creados" | "en" "ejecución" | "ejecutándose"
///        | "corriendo" | "en" "pausa" | "pausado" | "pausados" | "reiniciando" | "reiniciándose"
///        | "detenido" | "detenidos" | "parado" | "parados" | "terminado" | "terminados"
///        | "muerto" | "muertos" )
fn state_prop(i: &str) -> Res<'_, ContainerProp> {
    let (i, _) = opt(kw(&["esta", "estan", "este"], "")).parse(i)?;
    let (rest, w) = match word(i) {
        Ok(ok) => ok,
        Err(_) => return expected(i, CONTAINER_PROP),
    };
    let s = match fold(w).as_str() {
        "creado" | "creados" => WantedState::Created,
        "ejecutandose" | "corriendo" => WantedState::Running,
        "pausado" | "pausados" => WantedState::Paused,
        "reiniciando" | "reiniciandose" => WantedState::Restarting,
        "detenido" | "detenidos" | "parado" | "parados" | "terminado" | "terminados" => WantedState::Exited,
        "muerto" | "muertos" => WantedState::Dead,
        "en" => {
            let (rest2, w2) = match word(rest) {
                Ok(ok) => ok,
                Err(_) => return expected(i, CONTAINER_PROP),
            };
            return match fold(w2).as_str() {
                "ejecucion" => Ok((rest2, ContainerProp::State(WantedState::Running))),
                "pausa" => Ok((rest2, ContainerProp::State(WantedState::Paused))),
                _ => expected(i, CONTAINER_PROP),
            };
        }
        _ => return expected(i, CONTAINER_PROP),
    };
    Ok((rest, ContainerProp::State(s)))
}

/// nombre = ("llamado" | "llamados") valor
fn named(i: &str) -> Res<'_, ContainerProp> {
    let (i, ()) = kw(&["llamado", "llamados", "llamada"], CONTAINER_PROP)(i)?;
    let (i, name) = cut(value(i))?;
    Ok((i, ContainerProp::Name(name)))
}

/// de_imagen = "de" ["la"] "imagen" referencia
fn of_image(i: &str) -> Res<'_, ContainerProp> {
    let (i, ()) = kw(&["de"], CONTAINER_PROP)(i)?;
    let (i, _) = opt(kw(&["la"], "")).parse(i)?;
    let (i, ()) = kw(&["imagen"], "«imagen»")(i)?;
    let (i, r) = cut(reference(i))?;
    Ok((i, ContainerProp::Image(r)))
}

/// referencia = valor  (una referencia de imagen válida: `nginx`, `nginx:1.27`, `localhost:5000/app:1.0`, `sha256:…`)
fn reference(i: &str) -> Res<'_, String> {
    let (rest, r) = value(i)?;
    if r.starts_with("sha256:") || r.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok((rest, r));
    }
    match simulator::engine::reference::Reference::parse(&r) {
        Ok(_) => Ok((rest, r)),
        Err(e) => failure(i, format!("«{r}» no es una referencia de imagen válida ({e})")),
    }
}

/// publicación = ("publicando" | "publica" | "publican") puerto ["en" ["el"] ["puerto"] número]
fn publishing(i: &str) -> Res<'_, ContainerProp> {
    let (i, ()) = kw(&["publicando", "publica", "publican"], CONTAINER_PROP)(i)?;
    let (mut i, (container_port, proto)) = cut(port(i))?;
    let mut host_port = None;
    match host_port_rule(i) {
        Ok((rest, (h, _))) => {
            host_port = Some(h);
            i = rest;
        }
        Err(NomErr::Error(_)) => {}
        Err(e) => return Err(e),
    }
    Ok((i, ContainerProp::Publishes { container_port, proto, host_port }))
}

/// puerto_del_equipo = "en" ["el"] ["puerto"] puerto
fn host_port_rule(i: &str) -> Res<'_, (u16, String)> {
    let (i, ()) = kw(&["en"], "«en»")(i)?;
    let (i, _) = opt(kw(&["el"], "")).parse(i)?;
    let (i, _) = opt(kw(&["puerto"], "")).parse(i)?;
    port(i)
}

/// terminó = ("terminó" | "terminaron" | "acabó") "con" ["el"] "código" ["de" "salida"] número
fn finished(i: &str) -> Res<'_, ContainerProp> {
    let (i, ()) = kw(&["termino", "terminaron", "acabo", "acabaron"], CONTAINER_PROP)(i)?;
    let (i, ()) = cut(kw(&["con"], "«con»")(i))?;
    let (i, _) = opt(kw(&["el"], "")).parse(i)?;
    exit_code(i)
}

/// "de" "salida"
fn de_salida(i: &str) -> Res<'_, ()> {
    let (i, ()) = kw(&["de"], "")(i)?;
    kw(&["salida"], "«salida»")(i)
}

/// código = "código" ["de" "salida"] número
fn exit_code(i: &str) -> Res<'_, ContainerProp> {
    let (i, ()) = kw(&["codigo"], "«código»")(i)?;
    let (i, _) = opt(de_salida).parse(i)?;
    let (i, n) = cut(number(i))?;
    match i32::try_from(n) {
        Ok(code) => Ok((i, ContainerProp::ExitCode(code))),
        Err(_) => failure(i, format!("el código {n} es demasiado grande")),
    }
}

/// con_algo = "con" ( ["el"] "nombre" valor
///                  | ["la" | "una"] "variable" ["de" "entorno"] variable
///                  | ["la"] "política" "de" "reinicio" política | "reinicio" política
///                  | ["el"] código
///                  | ["el" | "un"] "volumen" valor "montado" "en" ruta
///                  | ["un"] "montaje" "en" ruta )
fn with_something(i: &str) -> Res<'_, ContainerProp> {
    let (i, ()) = kw(&["con"], CONTAINER_PROP)(i)?;
    let (i, _) = opt(kw(&["el", "la", "un", "una"], "")).parse(i)?;
    let (rest, w) = match word(i) {
        Ok(ok) => ok,
        Err(_) => return cut(expected(i, "«nombre», «variable», «política», «reinicio», «código», «volumen» o «montaje»")),
    };
    match fold(w).as_str() {
        "nombre" => {
            let (rest, name) = cut(value(rest))?;
            Ok((rest, ContainerProp::Name(name)))
        }
        "variable" => {
            let (rest, _) = opt(de_entorno).parse(rest)?;
            let (rest, var) = cut(value(rest))?;
            let (name, val) = match var.split_once('=') {
                Some((n, v)) => (n.to_string(), Some(v.to_string())),
                None => (var.clone(), None),
            };
            if name.is_empty() {
                return failure(i, format!("«{var}» no es una variable: escribe NOMBRE o NOMBRE=valor"));
            }
            Ok((rest, ContainerProp::Env { name, value: val }))
        }
        "politica" => {
            let (rest, ()) = cut(kw(&["de"], "«de»")(rest))?;
            let (rest, ()) = cut(kw(&["reinicio"], "«reinicio»")(rest))?;
            restart_policy(rest)
        }
        "reinicio" => restart_policy(rest),
        "codigo" => exit_code(i),
        "volumen" => {
            let (rest, source) = cut(value(rest))?;
            let (rest, ()) = cut(kw(&["montado"], "«montado»")(rest))?;
            let (rest, ()) = cut(kw(&["en"], "«en»")(rest))?;
            let (rest, target) = cut(path(rest))?;
            Ok((rest, ContainerProp::Mount { source: Some(source), target }))
        }
        "montaje" => {
            let (rest, ()) = cut(kw(&["en"], "«en»")(rest))?;
            let (rest, target) = cut(path(rest))?;
            Ok((rest, ContainerProp::Mount { source: None, target }))
        }
        _ => cut(expected(i, "«nombre», «variable», «política», «reinicio», «código», «volumen» o «montaje»")),
    }
}

/// "de" "entorno"
fn de_entorno(i: &str) -> Res<'_, ()> {
    let (i, ()) = kw(&["de"], "")(i)?;
    kw(&["entorno"], "«entorno»")(i)
}

/// política = "no" | "always" | "unless-stopped" | "on-failure" [":" número]
fn restart_policy(i: &str) -> Res<'_, ContainerProp> {
    let (rest, p) = cut(value(i))?;
    let valid = match p.split_once(':') {
        Some(("on-failure", n)) => !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()),
        Some(_) => false,
        None => matches!(p.as_str(), "no" | "always" | "unless-stopped" | "on-failure"),
    };
    if valid {
        Ok((rest, ContainerProp::Restart(p)))
    } else {
        failure(i, format!("«{p}» no es una política de reinicio: usa no, always, unless-stopped u on-failure[:N]"))
    }
}

/// ruta = valor que empieza por "/"
fn path(i: &str) -> Res<'_, String> {
    let (rest, p) = value(i)?;
    if p.starts_with('/') {
        Ok((rest, p))
    } else {
        failure(i, format!("«{p}» no es una ruta absoluta dentro del contenedor (debe empezar por /)"))
    }
}

/// en_red = ("en" | "conectado" "a" | "conectados" "a") "la" "red" valor
fn in_network(i: &str) -> Res<'_, ContainerProp> {
    let (i, ()) = match kw(&["en"], "")(i) {
        Ok(ok) => ok,
        Err(_) => {
            let (i, ()) = kw(&["conectado", "conectados"], CONTAINER_PROP)(i)?;
            kw(&["a"], "«a»")(i)?
        }
    };
    let (i, ()) = kw(&["la"], "«la»")(i)?;
    let (i, ()) = kw(&["red"], "«red»")(i)?;
    let (i, net) = cut(value(i))?;
    Ok((i, ContainerProp::Network(net)))
}

// ---------------------------------------------------------------------------------------------
// Images
// ---------------------------------------------------------------------------------------------

/// sobre_imágenes = [cantidad] ("imagen" | "imágenes") [referencia] { ["y"] ["que"] propiedad_imagen }
///                  ["ausente" | "ausentes"]
fn images(i: &str) -> Res<'_, Check> {
    let (i, q) = opt(quantity).parse(i)?;
    let (mut i, ()) = kw(&["imagen", "imagenes"], CONDITION)(i)?;
    let mut reference_text = None;
    let quoted_next = i.trim_start().starts_with('"');
    let reserved_next = word(i).map_or(true, |(_, w)| RESERVED.contains(&fold(w).as_str()));
    if quoted_next || !reserved_next {
        let (rest, r) = cut(reference(i))?;
        reference_text = Some(r);
        i = rest;
    }
    let mut props = Vec::new();
    loop {
        match and_image_prop(i) {
            Ok((rest, p)) => {
                props.push(p);
                i = rest;
            }
            Err(NomErr::Error(_)) => break,
            Err(e) => return Err(e),
        }
    }
    let mut quantity = q.unwrap_or(Quantity::AtLeast(1));
    if let Ok((rest, ())) = kw(&["ausente", "ausentes"], "")(i) {
        if q.is_some() {
            return failure(i, "«ausente» no se puede combinar con una cantidad: escribe «ninguna imagen …» o «imagen … ausente»".to_string());
        }
        quantity = Quantity::Exactly(0);
        i = rest;
    } else {
        record(i.trim_start().len(), "«ausente»");
    }
    Ok((i, Check::Images { quantity, reference: reference_text, props }))
}

/// ["y"] ["que"] propiedad_imagen
fn and_image_prop(i: &str) -> Res<'_, ImageProp> {
    let (i, _) = opt(kw(&["y", "e"], "")).parse(i)?;
    let (i, _) = opt(kw(&["que"], "")).parse(i)?;
    image_prop(i)
}

/// propiedad_imagen = "con" comparación ("capa" | "capas") | ("expone" | "exponiendo") puerto
fn image_prop(i: &str) -> Res<'_, ImageProp> {
    if let Ok((rest, ())) = kw(&["con"], "")(i) {
        let (rest, q) = match quantity(rest) {
            Ok(ok) => ok,
            Err(NomErr::Error(_)) => return cut(expected(rest, "una cantidad de capas («menos de 5», «3», «al menos 2»…)")),
            Err(e) => return Err(e),
        };
        let (rest, ()) = cut(kw(&["capa", "capas"], "«capas»")(rest))?;
        return Ok((rest, ImageProp::Layers(q)));
    }
    if let Ok((rest, ())) = kw(&["expone", "exponiendo"], "")(i) {
        let (rest, (port, proto)) = cut(port(rest))?;
        return Ok((rest, ImageProp::Exposes { port, proto }));
    }
    expected(i, IMAGE_PROP)
}

// ---------------------------------------------------------------------------------------------
// The last command
// ---------------------------------------------------------------------------------------------

/// sobre_comando = ["el"] "último" "comando" ( ("terminó" | "termina" | "acabó") "con" ["el"] código
///               | "con" ["el"] código | "tuvo" "éxito" | "funcionó" | "falló" )
fn last_command(i: &str) -> Res<'_, Check> {
    let (i, _) = opt(kw(&["el"], "")).parse(i)?;
    let (i, ()) = kw(&["ultimo"], CONDITION)(i)?;
    let (i, ()) = cut(kw(&["comando"], "«comando»")(i))?;
    let outcome = "«terminó con código N», «tuvo éxito» o «falló»";
    let (rest, w) = match word(i) {
        Ok(ok) => ok,
        Err(_) => return cut(expected(i, outcome)),
    };
    match fold(w).as_str() {
        "termino" | "termina" | "acabo" => {
            let (rest, ()) = cut(kw(&["con"], "«con»")(rest))?;
            let (rest, _) = opt(kw(&["el"], "")).parse(rest)?;
            let (rest, code) = cut(exit_code(rest))?;
            Ok((rest, last_exit(code)))
        }
        "con" => {
            let (rest, _) = opt(kw(&["el"], "")).parse(rest)?;
            let (rest, code) = cut(exit_code(rest))?;
            Ok((rest, last_exit(code)))
        }
        "tuvo" => {
            let (rest, ()) = cut(kw(&["exito"], "«éxito»")(rest))?;
            Ok((rest, Check::LastExit(ExitExpect::Success)))
        }
        "funciono" => Ok((rest, Check::LastExit(ExitExpect::Success))),
        "fallo" => Ok((rest, Check::LastExit(ExitExpect::Failure))),
        _ => cut(expected(i, outcome)),
    }
}

fn last_exit(code: ContainerProp) -> Check {
    match code {
        ContainerProp::ExitCode(n) => Check::LastExit(ExitExpect::Code(n)),
        _ => Check::LastExit(ExitExpect::Failure),
    }
}

/// sobre_salida = ["la"] "salida" ["del" "último" "comando"] ("contiene" | "incluye" | "muestra") valor
fn output_contains(i: &str) -> Res<'_, Check> {
    let (i, _) = opt(kw(&["la"], "")).parse(i)?;
    let (i, ()) = kw(&["salida"], CONDITION)(i)?;
    let (i, _) = opt(del_ultimo_comando).parse(i)?;
    let (i, ()) = cut(kw(&["contiene", "incluye", "muestra"], "«contiene»")(i))?;
    let (i, text) = cut(value(i))?;
    Ok((i, Check::OutputContains(text)))
}

/// "del" "último" "comando"
fn del_ultimo_comando(i: &str) -> Res<'_, ()> {
    let (i, ()) = kw(&["del"], "")(i)?;
    let (i, ()) = cut(kw(&["ultimo"], "«último»")(i))?;
    cut(kw(&["comando"], "«comando»")(i))
}

#[cfg(test)]
#[allow(clippy::panic)]
#[path = "parse_tests.rs"]
mod tests;
