use proptest::prelude::*;

use super::*;

fn ok(text: &str) -> Goal {
    match parse(text) {
        Ok(g) => g,
        Err(e) => panic!("{text:?}: {e}"),
    }
}

fn err(text: &str) -> GoalParseError {
    match parse(text) {
        Ok(g) => panic!("{text:?} parsed: {g:?}"),
        Err(e) => e,
    }
}

fn checks(goal: &Goal) -> Vec<Check> {
    fn walk(e: &Expr, out: &mut Vec<Check>) {
        match e {
            Expr::Cond(c) => out.push(c.check.clone()),
            Expr::Not(inner) => walk(inner, out),
            Expr::And(items) | Expr::Or(items) => items.iter().for_each(|i| walk(i, out)),
        }
    }
    let mut out = Vec::new();
    walk(&goal.expr, &mut out);
    out
}

#[test]
fn the_issue_example() {
    let g = ok("contenedor en ejecución llamado webserver de la imagen nginx publicando 80 en 8080");
    assert_eq!(
        g.expr,
        Expr::Cond(Condition {
            check: Check::Containers {
                quantity: Quantity::AtLeast(1),
                props: vec![
                    ContainerProp::State(WantedState::Running),
                    ContainerProp::Name("webserver".into()),
                    ContainerProp::Image("nginx".into()),
                    ContainerProp::Publishes { container_port: 80, proto: "tcp".into(), host_port: Some(8080) },
                ],
            },
            span: Span { start: 0, end: 83 },
        })
    );
}

#[test]
fn keywords_ignore_case_and_accents() {
    let a = ok("Un CONTENEDOR en ejecucion llamado web");
    let b = ok("un contenedor en ejecución llamado web");
    assert_eq!(checks(&a), checks(&b));
}

#[test]
fn conjunctions_with_y_commas_and_new_lines() {
    let g = ok("contenedor llamado a y contenedor llamado b, imagen nginx\nningún contenedor detenido");
    assert_eq!(g.parts().len(), 4);
    assert!(matches!(g.expr, Expr::And(_)));
}

#[test]
fn properties_may_be_joined_by_y_and_que() {
    let g = ok("un contenedor llamado web que está en ejecución y que publica 80");
    assert_eq!(
        checks(&g),
        [Check::Containers {
            quantity: Quantity::AtLeast(1),
            props: vec![
                ContainerProp::Name("web".into()),
                ContainerProp::State(WantedState::Running),
                ContainerProp::Publishes { container_port: 80, proto: "tcp".into(), host_port: None },
            ],
        }]
    );
    // `y` followed by a new condition still separates conditions.
    assert_eq!(ok("contenedor llamado web y imagen nginx").parts().len(), 2);
}

#[test]
fn quantities() {
    let q = |text: &str| match checks(&ok(text)).first() {
        Some(Check::Containers { quantity, .. }) => *quantity,
        other => panic!("{other:?}"),
    };
    assert_eq!(q("ningún contenedor en ejecución"), Quantity::Exactly(0));
    assert_eq!(q("2 contenedores en ejecución"), Quantity::Exactly(2));
    assert_eq!(q("exactamente 3 contenedores"), Quantity::Exactly(3));
    assert_eq!(q("al menos 2 contenedores creados"), Quantity::AtLeast(2));
    assert_eq!(q("como máximo 1 contenedor"), Quantity::AtMost(1));
    assert_eq!(q("como mínimo 4 contenedores"), Quantity::AtLeast(4));
    assert_eq!(q("más de 1 contenedor"), Quantity::MoreThan(1));
    assert_eq!(q("menos de 5 contenedores"), Quantity::LessThan(5));
    assert_eq!(q("hay un contenedor"), Quantity::AtLeast(1));
}

#[test]
fn every_container_property() {
    let g = ok("contenedor detenido con código de salida 137 con la variable de entorno MODO=prueba con la política de reinicio on-failure:3 \
                con el volumen datos montado en /var/lib/postgresql/data en la red backend con el nombre db publicando 53/udp en el puerto 5353");
    assert_eq!(
        checks(&g),
        [Check::Containers {
            quantity: Quantity::AtLeast(1),
            props: vec![
                ContainerProp::State(WantedState::Exited),
                ContainerProp::ExitCode(137),
                ContainerProp::Env { name: "MODO".into(), value: Some("prueba".into()) },
                ContainerProp::Restart("on-failure:3".into()),
                ContainerProp::Mount { source: Some("datos".into()), target: "/var/lib/postgresql/data".into() },
                ContainerProp::Network("backend".into()),
                ContainerProp::Name("db".into()),
                ContainerProp::Publishes { container_port: 53, proto: "udp".into(), host_port: Some(5353) },
            ],
        }]
    );
}

#[test]
fn states() {
    let s = |text: &str| match checks(&ok(&format!("contenedor {text}"))).first() {
        Some(Check::Containers { props, .. }) => props.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(s("creado"), [ContainerProp::State(WantedState::Created)]);
    assert_eq!(s("en pausa"), [ContainerProp::State(WantedState::Paused)]);
    assert_eq!(s("pausado"), [ContainerProp::State(WantedState::Paused)]);
    assert_eq!(s("reiniciando"), [ContainerProp::State(WantedState::Restarting)]);
    assert_eq!(s("muerto"), [ContainerProp::State(WantedState::Dead)]);
    assert_eq!(s("que terminó con código 0"), [ContainerProp::ExitCode(0)]);
    assert_eq!(s("publicando 80 en ejecución"), [
        ContainerProp::Publishes { container_port: 80, proto: "tcp".into(), host_port: None },
        ContainerProp::State(WantedState::Running),
    ]);
}

#[test]
fn images() {
    assert_eq!(
        checks(&ok("imagen myapp:1.0 con menos de 5 capas")),
        [Check::Images {
            quantity: Quantity::AtLeast(1),
            reference: Some("myapp:1.0".into()),
            props: vec![ImageProp::Layers(Quantity::LessThan(5))],
        }]
    );
    assert_eq!(
        checks(&ok("imagen hello-world ausente")),
        [Check::Images { quantity: Quantity::Exactly(0), reference: Some("hello-world".into()), props: vec![] }]
    );
    assert_eq!(
        checks(&ok("al menos 2 imágenes")),
        [Check::Images { quantity: Quantity::AtLeast(2), reference: None, props: vec![] }]
    );
    assert_eq!(
        checks(&ok("imagen web:1.0 que expone 80")),
        [Check::Images {
            quantity: Quantity::AtLeast(1),
            reference: Some("web:1.0".into()),
            props: vec![ImageProp::Exposes { port: 80, proto: "tcp".into() }],
        }]
    );
}

#[test]
fn negation_and_double_negation() {
    let g = ok("no hay ningún contenedor en ejecución");
    assert!(matches!(&g.expr, Expr::Cond(Condition { check: Check::Containers { quantity: Quantity::Exactly(0), .. }, .. })), "{g:?}");
    let g = ok("no hay un contenedor llamado web");
    assert!(matches!(&g.expr, Expr::Not(_)), "{g:?}");
    let g = ok("no existe la imagen nginx");
    assert!(matches!(&g.expr, Expr::Not(_)), "{g:?}");
}

#[test]
fn last_command_and_output() {
    assert_eq!(checks(&ok("el último comando terminó con código 125")), [Check::LastExit(ExitExpect::Code(125))]);
    assert_eq!(checks(&ok("último comando con código 0")), [Check::LastExit(ExitExpect::Code(0))]);
    assert_eq!(checks(&ok("el último comando tuvo éxito")), [Check::LastExit(ExitExpect::Success)]);
    assert_eq!(checks(&ok("el último comando falló")), [Check::LastExit(ExitExpect::Failure)]);
    assert_eq!(
        checks(&ok("la salida del último comando contiene \"Hello from Docker!\"")),
        [Check::OutputContains("Hello from Docker!".into())]
    );
    assert_eq!(checks(&ok("la salida contiene \"di \\\"hola\\\"\"")), [Check::OutputContains("di \"hola\"".into())]);
}

#[test]
fn disjunction_binds_looser_than_conjunction() {
    let g = ok("contenedor llamado a y contenedor llamado b o imagen nginx");
    match &g.expr {
        Expr::Or(items) => {
            assert_eq!(items.len(), 2);
            assert!(matches!(items.first(), Some(Expr::And(v)) if v.len() == 2));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn spans_cover_each_condition() {
    let text = "contenedor llamado web y imagen nginx";
    let g = ok(text);
    let spans: Vec<&str> = g
        .parts()
        .iter()
        .filter_map(|p| match p {
            Expr::Cond(c) => text.get(c.span.start..c.span.end),
            _ => None,
        })
        .collect();
    assert_eq!(spans, ["contenedor llamado web", "imagen nginx"]);
}

#[test]
fn error_unknown_start() {
    let e = err("contenedr llamado web");
    assert_eq!((e.line, e.column, e.offset), (1, 1, 0));
    assert!(e.message.starts_with("se esperaba una condición"), "{}", e.message);
    assert!(e.message.ends_with("pero hay «contenedr»"), "{}", e.message);
}

#[test]
fn error_unknown_property_points_at_it() {
    let e = err("contenedor llamado web publicandoo 80");
    assert_eq!((e.line, e.column), (1, 24), "{e}");
    assert!(e.message.contains("una propiedad del contenedor"), "{}", e.message);
    assert!(e.message.ends_with("pero hay «publicandoo»"), "{}", e.message);
}

#[test]
fn error_missing_port_number() {
    let e = err("contenedor publicando ochenta");
    assert_eq!((e.line, e.column), (1, 23), "{e}");
    assert!(e.message.starts_with("se esperaba un puerto"), "{}", e.message);
}

#[test]
fn error_port_out_of_range() {
    let e = err("contenedor publicando 80 en 70000");
    assert_eq!((e.line, e.column), (1, 29), "{e}");
    assert_eq!(e.message, "el puerto «70000» no es válido: debe estar entre 1 y 65535");
}

#[test]
fn error_on_second_line() {
    let e = err("contenedor llamado web\ny imagen NGINX");
    assert_eq!((e.line, e.column), (2, 10), "{e}");
    assert!(e.message.starts_with("«NGINX» no es una referencia de imagen válida"), "{}", e.message);
}

#[test]
fn error_dangling_connector() {
    let e = err("contenedor llamado web y");
    assert_eq!((e.line, e.column), (1, 25), "{e}");
    assert!(e.message.ends_with("pero el objetivo termina ahí"), "{}", e.message);
}

#[test]
fn error_bad_restart_policy_and_path() {
    let e = err("contenedor con reinicio siempre");
    assert_eq!(e.column, 25);
    assert!(e.message.starts_with("«siempre» no es una política de reinicio"), "{}", e.message);
    let e = err("contenedor con el volumen datos montado en datos");
    assert_eq!(e.column, 44);
    assert!(e.message.contains("ruta absoluta"), "{}", e.message);
}

#[test]
fn error_empty_goal_and_unclosed_quote() {
    let e = err("");
    assert_eq!((e.line, e.column), (1, 1));
    assert!(e.message.ends_with("pero el objetivo termina ahí"), "{}", e.message);
    let e = err("la salida contiene \"hola");
    assert_eq!(e.column, 20);
    assert!(e.message.starts_with("falta la comilla"), "{}", e.message);
}

#[test]
fn error_absent_with_quantity() {
    let e = err("ninguna imagen nginx ausente");
    assert!(e.message.starts_with("«ausente» no se puede combinar"), "{}", e.message);
}

#[test]
fn error_trailing_garbage() {
    let e = err("imagen nginx con 3 capas bonitas");
    assert_eq!(e.column, 26, "{e}");
    assert!(e.message.ends_with("pero hay «bonitas»"), "{}", e.message);
}

#[test]
fn descriptions_read_as_spanish() {
    let g = ok("contenedor en ejecución llamado web de la imagen nginx publicando 80 en 8080");
    assert_eq!(
        g.expr.describe(),
        "Hay un contenedor en ejecución (running) llamado `web` de la imagen `nginx` que publica el puerto 80 del contenedor en el 8080 del equipo"
    );
    assert_eq!(ok("ningún contenedor detenido").expr.describe(), "No hay ningún contenedor detenido (exited)");
    assert_eq!(ok("2 contenedores detenidos").expr.describe(), "Hay exactamente 2 contenedores detenidos (exited)");
    assert_eq!(ok("imagen myapp:1.0 con menos de 5 capas").expr.describe(), "Existe la imagen `myapp:1.0` con menos de 5 capas");
    assert_eq!(ok("no existe la imagen nginx").expr.describe(), "No existe la imagen `nginx`");
}

proptest! {
    #[test]
    fn never_panics_on_any_text(text in "\\PC{0,120}") {
        let _ = parse(&text);
    }

    #[test]
    fn never_panics_on_keyword_soup(words in proptest::collection::vec(prop_oneof![
        Just("contenedor"), Just("contenedores"), Just("imagen"), Just("ningún"), Just("no"), Just("hay"),
        Just("y"), Just("o"), Just(","), Just("\n"), Just("en"), Just("ejecución"), Just("llamado"), Just("de"),
        Just("la"), Just("publicando"), Just("80"), Just("99999"), Just("con"), Just("código"), Just("capas"),
        Just("menos"), Just("al"), Just("como"), Just("último"), Just("comando"), Just("salida"), Just("contiene"),
        Just("\"x"), Just("\"y z\""), Just("ausente"), Just("variable"), Just("A=1"), Just("volumen"), Just("/d"),
        Just("montado"), Just("red"), Just("política"), Just("reinicio"), Just("always"), Just("nginx:1.27"),
    ], 0..14)) {
        let text = words.join(" ");
        if let Err(e) = parse(&text) {
            prop_assert!(e.offset <= text.len());
            prop_assert!(e.line >= 1 && e.column >= 1);
            prop_assert!(!e.message.is_empty());
        }
    }
}
