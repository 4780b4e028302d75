// Package themes embeds the default theme, so that the tool builds any site,
// even one without a themes/ folder of its own. A site's own
// themes/<name>/ takes precedence.
package themes

import (
	"embed"
	"io/fs"
)

//go:embed default
var embedded embed.FS

// Default returns the default theme: layouts/, assets/ and i18n/.
func Default() fs.FS {
	sub, err := fs.Sub(embedded, "default")
	if err != nil {
		panic(err) // the folder is embedded at build time
	}
	return sub
}
