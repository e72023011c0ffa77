//! `$((…))`: integer arithmetic as bash does it (64-bit, wrapping), with its error messages.
//!
//! `expr := or ('?' expr ':' expr)?; or := and ('||' and)*; and := eq ('&&' eq)*; eq := cmp (('=='|'!=') cmp)*;
//! cmp := sum (('<='|'>='|'<'|'>') sum)*; sum := product (('+'|'-') product)*;
//! product := power (('*'|'/'|'%') power)*; power := unary ('**' power)?;
//! unary := ('-'|'+'|'!'|'~') unary | primary; primary := number | name | '(' expr ')'`

const MAX_DEPTH: usize = 64;

/// Evaluates `expr`; variables are read through `var`. The error is bash's message without `bash: `.
pub(super) fn eval(expr: &str, var: &dyn Fn(&str) -> Option<String>) -> Result<i64, String> {
    let mut parser = Arith { text: expr, chars: expr.char_indices().collect(), pos: 0, last_op: 0, depth: 0, var };
    parser.skip_spaces();
    if parser.at_end() {
        return Ok(0);
    }
    let value = parser.ternary()?;
    parser.skip_spaces();
    if !parser.at_end() {
        return Err(parser.error("syntax error in expression"));
    }
    Ok(value)
}

struct Arith<'a> {
    text: &'a str,
    chars: Vec<(usize, char)>,
    pos: usize,
    /// Where the last operator started: bash names it when an operand is missing.
    last_op: usize,
    depth: usize,
    var: &'a dyn Fn(&str) -> Option<String>,
}

impl Arith<'_> {
    fn at_end(&self) -> bool {
        self.pos >= self.chars.len()
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).map(|(_, c)| *c)
    }

    fn skip_spaces(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.pos += 1;
        }
    }

    fn rest(&self) -> &str {
        let offset = self.chars.get(self.pos).map_or(self.text.len(), |(o, _)| *o);
        self.text.get(offset..).unwrap_or("")
    }

    fn error(&self, message: &str) -> String {
        format!("{}: {message} (error token is \"{}\")", self.text.trim_start(), self.rest())
    }

    /// Consumes `op` (after spaces) if it is next and not the start of a longer operator in `not`.
    fn eat(&mut self, op: &str, not: &[&str]) -> bool {
        self.skip_spaces();
        let rest = self.rest();
        if rest.starts_with(op) && !not.iter().any(|n| rest.starts_with(n)) {
            self.last_op = self.pos;
            self.pos += op.chars().count();
            true
        } else {
            false
        }
    }

    fn ternary(&mut self) -> Result<i64, String> {
        let condition = self.or()?;
        if !self.eat("?", &[]) {
            return Ok(condition);
        }
        let yes = self.nested(Self::ternary)?;
        if !self.eat(":", &[]) {
            return Err(self.error("`:' expected for conditional expression"));
        }
        let no = self.nested(Self::ternary)?;
        Ok(if condition != 0 { yes } else { no })
    }

    fn or(&mut self) -> Result<i64, String> {
        let mut value = self.and()?;
        while self.eat("||", &[]) {
            let rhs = self.and()?;
            value = i64::from(value != 0 || rhs != 0);
        }
        Ok(value)
    }

    fn and(&mut self) -> Result<i64, String> {
        let mut value = self.equality()?;
        while self.eat("&&", &[]) {
            let rhs = self.equality()?;
            value = i64::from(value != 0 && rhs != 0);
        }
        Ok(value)
    }

    fn equality(&mut self) -> Result<i64, String> {
        let mut value = self.comparison()?;
        loop {
            if self.eat("==", &[]) {
                value = i64::from(value == self.comparison()?);
            } else if self.eat("!=", &[]) {
                value = i64::from(value != self.comparison()?);
            } else {
                return Ok(value);
            }
        }
    }

    fn comparison(&mut self) -> Result<i64, String> {
        let mut value = self.sum()?;
        loop {
            if self.eat("<=", &[]) {
                value = i64::from(value <= self.sum()?);
            } else if self.eat(">=", &[]) {
                value = i64::from(value >= self.sum()?);
            } else if self.eat("<", &["<<"]) {
                value = i64::from(value < self.sum()?);
            } else if self.eat(">", &[">>"]) {
                value = i64::from(value > self.sum()?);
            } else {
                return Ok(value);
            }
        }
    }

    fn sum(&mut self) -> Result<i64, String> {
        let mut value = self.product()?;
        loop {
            if self.eat("+", &["++", "+="]) {
                value = value.wrapping_add(self.product()?);
            } else if self.eat("-", &["--", "-="]) {
                value = value.wrapping_sub(self.product()?);
            } else {
                return Ok(value);
            }
        }
    }

    fn product(&mut self) -> Result<i64, String> {
        let mut value = self.power()?;
        loop {
            if self.eat("*", &["**", "*="]) {
                value = value.wrapping_mul(self.power()?);
            } else if self.eat("/", &["/="]) || self.eat("%", &["%="]) {
                let is_div = self.chars.get(self.pos.wrapping_sub(1)).is_some_and(|(_, c)| *c == '/');
                self.skip_spaces();
                let divisor = self.power()?;
                if divisor == 0 {
                    // bash points at the divisor it just read.
                    return Err(format!("{}: division by 0 (error token is \"0\")", self.text.trim_start()));
                }
                value = if is_div { value.wrapping_div(divisor) } else { value.wrapping_rem(divisor) };
            } else {
                return Ok(value);
            }
        }
    }

    fn power(&mut self) -> Result<i64, String> {
        let base = self.unary()?;
        if self.eat("**", &[]) {
            let exponent = self.nested(Self::power)?;
            if exponent < 0 {
                return Err(self.error("exponent less than 0"));
            }
            return Ok(base.wrapping_pow(u32::try_from(exponent).unwrap_or(u32::MAX)));
        }
        Ok(base)
    }

    fn unary(&mut self) -> Result<i64, String> {
        if self.eat("-", &["--"]) {
            return Ok(self.nested(Self::unary)?.wrapping_neg());
        }
        if self.eat("+", &["++"]) {
            return self.nested(Self::unary);
        }
        if self.eat("!", &["!="]) {
            return Ok(i64::from(self.nested(Self::unary)? == 0));
        }
        if self.eat("~", &[]) {
            return Ok(!self.nested(Self::unary)?);
        }
        self.primary()
    }

    fn nested(&mut self, rule: fn(&mut Self) -> Result<i64, String>) -> Result<i64, String> {
        if self.depth >= MAX_DEPTH {
            return Err(self.error("expression recursion level exceeded"));
        }
        self.depth += 1;
        let result = rule(self);
        self.depth -= 1;
        result
    }

    fn primary(&mut self) -> Result<i64, String> {
        self.skip_spaces();
        match self.peek() {
            Some('(') => {
                self.pos += 1;
                let value = self.nested(Self::ternary)?;
                if !self.eat(")", &[]) {
                    return Err(self.error("missing `)'"));
                }
                Ok(value)
            }
            Some(c) if c.is_ascii_digit() => {
                let start = self.pos;
                while self.peek().is_some_and(|c| c.is_ascii_alphanumeric() || c == '#') {
                    self.pos += 1;
                }
                let digits: String = self.chars.get(start..self.pos).unwrap_or(&[]).iter().map(|(_, c)| *c).collect();
                parse_number(&digits).ok_or_else(|| {
                    self.pos = start;
                    self.error("value too great for base")
                })
            }
            Some(c) if c.is_ascii_alphabetic() || c == '_' => {
                let start = self.pos;
                while self.peek().is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
                    self.pos += 1;
                }
                let name: String = self.chars.get(start..self.pos).unwrap_or(&[]).iter().map(|(_, c)| *c).collect();
                let value = (self.var)(&name).unwrap_or_default();
                Ok(value.trim().parse::<i64>().unwrap_or(0))
            }
            _ => {
                if self.at_end() {
                    self.pos = self.last_op;
                }
                Err(self.error("syntax error: operand expected"))
            }
        }
    }
}

/// `42`, `0x1f`, `017` (octal), `2#101`.
fn parse_number(text: &str) -> Option<i64> {
    if let Some((base, digits)) = text.split_once('#') {
        let base: u32 = base.parse().ok().filter(|b| (2..=36).contains(b))?;
        return i64::from_str_radix(digits, base).ok();
    }
    if let Some(hex) = text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
        return i64::from_str_radix(hex, 16).ok();
    }
    if text.len() > 1 && text.starts_with('0') {
        return i64::from_str_radix(text.get(1..)?, 8).ok();
    }
    text.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn calc(expr: &str) -> Result<i64, String> {
        eval(expr, &|name| (name == "X").then(|| "5".to_string()))
    }

    #[test]
    fn evaluates_like_bash() {
        assert_eq!(calc("1 + 2 * 3"), Ok(7));
        assert_eq!(calc("(1 + 2) * 3"), Ok(9));
        assert_eq!(calc("X * 2 - Y"), Ok(10));
        assert_eq!(calc("7 / 2"), Ok(3));
        assert_eq!(calc("-7 % 3"), Ok(-1));
        assert_eq!(calc("2 ** 10"), Ok(1024));
        assert_eq!(calc("3 > 2 && 1 == 1"), Ok(1));
        assert_eq!(calc("!0 + 0x10 + 010"), Ok(25));
        assert_eq!(calc(""), Ok(0));
        assert_eq!(calc("9223372036854775807 + 1"), Ok(i64::MIN));
        assert_eq!(calc("X > 3 ? 10 : 20"), Ok(10));
        assert_eq!(calc("0 ? 1 : 0 ? 2 : 3"), Ok(3));
    }

    #[test]
    fn errors_like_bash() {
        assert_eq!(calc("1/0"), Err("1/0: division by 0 (error token is \"0\")".to_string()));
        assert_eq!(calc("1+"), Err("1+: syntax error: operand expected (error token is \"+\")".to_string()));
        assert_eq!(calc("1 2"), Err("1 2: syntax error in expression (error token is \"2\")".to_string()));
        assert!(calc(&"(".repeat(10_000)).is_err());
        assert!(calc(&"-".repeat(10_000)).is_err());
    }
}
