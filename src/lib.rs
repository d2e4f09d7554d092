//! taizhang (工作台账): the domain library — plans, Chinese deadlines, report periods and the
//! text helpers the renderers share. It never touches a terminal or parses a command line.

pub mod cache;
pub mod clock;
pub mod csvout;
pub mod exchange;
pub mod fsread;
pub mod r#gen;
pub mod import;
pub mod jsonout;
pub mod lang;
pub mod ledger;
pub mod listing;
pub mod parallel;
pub mod period;
mod plain;
pub mod plan;
pub mod report;
pub mod sync;
pub mod text;

pub use lang::Lang;
pub use plan::{Plan, PlanError};
