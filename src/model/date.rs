//! Dates as articles give them: a year, a month or a day (`PartialDate`), and the days
//! each may stand for, which linking compares to keep episodes apart.

use std::fmt;

/// A publication date as precise as it is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    /// Year.
    pub year: u16,
    /// Month 1–12, when known.
    pub month: Option<u8>,
    /// Day 1–31, when known (only with a month).
    pub day: Option<u8>,
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<PartialDate> {
        let mut parts = s.trim().split('-');
        let year = parts.next()?;
        if year.len() != 4 {
            return None;
        }
        let year: u16 = year.parse().ok()?;
        let month = match parts.next() {
            Some(m) if m.len() == 2 => Some(m.parse::<u8>().ok().filter(|m| (1..=12).contains(m))?),
            Some(_) => return None,
            None => None,
        };
        let day = match parts.next() {
            Some(d) if d.len() == 2 => Some(d.parse::<u8>().ok().filter(|d| (1..=31).contains(d))?),
            Some(_) => return None,
            None => None,
        };
        if parts.next().is_some() {
            return None;
        }
        Some(PartialDate { year, month, day })
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

/// The days a partial date may stand for (days since 1970-01-01, inclusive).
pub fn day_range(d: PartialDate) -> (i64, i64) {
    let y = i64::from(d.year);
    match (d.month, d.day) {
        (Some(m), Some(day)) => {
            let n = days_from_civil(y, i64::from(m), i64::from(day));
            (n, n)
        }
        (Some(m), None) => {
            let start = days_from_civil(y, i64::from(m), 1);
            let next = if m == 12 {
                days_from_civil(y + 1, 1, 1)
            } else {
                days_from_civil(y, i64::from(m) + 1, 1)
            };
            (start, next - 1)
        }
        _ => (days_from_civil(y, 1, 1), days_from_civil(y + 1, 1, 1) - 1),
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// `YYYY-MM` of a day number.
pub fn month_of(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}")
}

/// The episode of a claim published on `published` (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`):
/// its month, as much of it as is known, or `undated`.
pub fn episode_of(published: Option<&str>) -> String {
    published.map_or("undated".to_owned(), |p| p.chars().take(7).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_round_trips() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(month_of(days_from_civil(2020, 12, 22)), "2020-12");
        assert_eq!(month_of(days_from_civil(2019, 2, 28)), "2019-02");
        let oct = day_range(PartialDate::parse("2020-10").unwrap());
        assert_eq!(oct.1 - oct.0, 30);
        let dec = day_range(PartialDate::parse("2020-12-22").unwrap());
        // October (any day) and 22 December are within a 60-day window of each other's
        // range: Oct 31 to Dec 22 is 52 days.
        assert!(dec.0 - oct.1 <= 60);
        let nov19 = day_range(PartialDate::parse("2019-11-23").unwrap());
        assert!(oct.0 - nov19.1 > 60);
    }
}
