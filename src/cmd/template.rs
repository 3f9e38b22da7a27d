//! `emograph template`: a starter sheet with the right headers.

use anyhow::Result;

use crate::cli::{Lang, TemplateArgs};
use crate::output::{Job, Plan, Target};

const LONG_EN: &str = "\
case,phase,step,owner,expected,time,feeling,note
Dana,before,Choose a film online,web,3,0,3,Easy to find
Dana,before,Book tickets,web,3,10m,2,
Dana,during,Find parking,parking,1,1h,-4,Twenty minutes of circling
Dana,during,The film,cinema,4,1h30m,5,WOW
Dana,after,Leave the car park,parking,1,3h45m,-3,Queue at the exit barrier
Dana,after,Get home,,2,4h15m,1,
";

const WIDE_EN: &str = "\
step,phase,Dana,Yossi,Michal
Choose a film online,before,3,2,1
Book tickets,before,2,-1,0
Find parking,during,-4,-3,-5
The film,during,5,4,4
Leave the car park,after,-3,-2,-4
Get home,after,1,0,1
";

const LONG_HE: &str = "\
לקוח,מקטע,שלב,אחראי,ציפייה,זמן,תחושה,הערה
דנה,לפני,בחירת סרט באתר,אתר,3,0,3,קל למצוא
דנה,לפני,הזמנת כרטיסים,אתר,3,10m,2,
דנה,במהלך,חיפוש חניה,חניון,1,1h,-4,עשרים דקות של סיבובים
דנה,במהלך,הסרט עצמו,קולנוע,4,1h30m,5,וואו
דנה,אחרי,יציאה מהחניון,חניון,1,3h45m,-3,תור במחסום
דנה,אחרי,הגעה הביתה,,2,4h15m,1,
";

const WIDE_HE: &str = "\
שלב,מקטע,דנה,יוסי,מיכל
בחירת סרט באתר,לפני,3,2,1
הזמנת כרטיסים,לפני,2,-1,0
חיפוש חניה,במהלך,-4,-3,-5
הסרט עצמו,במהלך,5,4,4
יציאה מהחניון,אחרי,-3,-2,-4
הגעה הביתה,אחרי,1,0,1
";

/// The starter sheet for a layout and language.
pub fn sheet(wide: bool, lang: Lang) -> &'static str {
    match (wide, lang) {
        (false, Lang::En) => LONG_EN,
        (true, Lang::En) => WIDE_EN,
        (false, Lang::He) => LONG_HE,
        (true, Lang::He) => WIDE_HE,
    }
}

pub fn plan(args: &TemplateArgs, plan: &mut Plan) -> Result<()> {
    // Excel opens a CSV by double-click in the legacy code page unless it
    // starts with a UTF-8 byte-order mark; Hebrew would come out garbled.
    let text = match args.lang {
        Lang::He => format!("\u{feff}{}", sheet(args.wide, args.lang)),
        Lang::En => sheet(args.wide, args.lang).to_string(),
    };
    let job = match &args.output {
        None => Job::bytes(Target::Stdout, text.into_bytes()),
        Some(path) => Job::bytes(Target::named(path), text.into_bytes()).announced(format!(
            ": fill in your steps and feelings, then run `emograph plot {}`",
            path.display()
        )),
    };
    plan.push(job);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{parse, InputOptions};

    #[test]
    fn every_template_reads_back() {
        for wide in [false, true] {
            for lang in [Lang::En, Lang::He] {
                let ds = parse(
                    "t.csv",
                    sheet(wide, lang).as_bytes(),
                    &InputOptions::default(),
                )
                .unwrap_or_else(|e| panic!("{wide} {lang:?}: {e}"));
                assert_eq!(ds.steps.len(), 6);
                assert!(ds.warnings.is_empty(), "{:?}", ds.warnings);
            }
        }
    }
}
