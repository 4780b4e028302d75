// Package render turns the view of one audience into bytes: HTML pages from
// the theme's html/template layouts, data exports (CSV with BOM, JSON) and the
// theme's assets.
//
// It imports view and nothing upstream of it, so a template can only show
// what the view gave it. It writes nothing to disk: it hands each file's path
// and bytes to the caller, in a fixed order.
package render
