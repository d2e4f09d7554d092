//! Loading a plan for a listing command: errors become a [`Fail`]; warnings are left to
//! `taizhang check`, so that listings stay quiet.

use std::path::Path;

use taizhang::Plan;

use super::Fail;

pub fn plan(path: &Path) -> Result<Plan, Fail> {
    Plan::load(path).map(|l| l.plan).map_err(Fail::Plan)
}
