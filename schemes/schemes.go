// Package schemes embeds the scoring schemes the tool ships, so that
// `dutyreport new` can start a site on one. The folder is also the example
// site's schemes/, so the scheme shipped is the one the example tests.
package schemes

import _ "embed"

// Shangnan is Shangnan county's scheme (seed 000), the default.
//
//go:embed shangnan.yaml
var Shangnan []byte
