package generator

import (
	"crypto/sha256"
	"encoding/base64"
	"regexp"
	"strings"
	"testing"

	"dutyreport/generator/config"
)

var cspRE = regexp.MustCompile(`<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="([^"]+)">`)

// TestEveryPageHasAPolicy: every page of both audiences carries its
// Content-Security-Policy at the head of its head: everything from the
// site itself, no plugin, no base, and no inline script or style but
// those its layout wrote, each by its hash. The public site has none
// inline; the dashboard's restrictions page has its date filter's.
func TestEveryPageHasAPolicy(t *testing.T) {
	t.Parallel()
	inline := regexp.MustCompile(`(?s)<script>(.*?)</script>`)
	for _, audience := range []string{config.Public, config.Internal} {
		hashed := 0
		for p, data := range exampleTree(t, audience) {
			if !strings.HasSuffix(p, ".html") || strings.HasPrefix(p, "assets/") {
				continue
			}
			m := cspRE.FindSubmatch(data)
			if m == nil {
				t.Errorf("%s %s: no Content-Security-Policy after the charset", audience, p)
				continue
			}
			policy := string(m[1])
			for _, want := range []string{"default-src 'self'", "object-src 'none'", "base-uri 'none'", "style-src 'self'"} {
				if !strings.Contains(policy, want) {
					t.Errorf("%s %s: the policy lacks %s: %s", audience, p, want, policy)
				}
			}
			if strings.Contains(policy, "unsafe") {
				t.Errorf("%s %s: the policy allows unsafe sources: %s", audience, p, policy)
			}
			want := "script-src 'self'"
			for _, s := range inline.FindAllSubmatch(data, -1) {
				sum := sha256.Sum256(s[1])
				want += " 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
				hashed++
			}
			if !strings.Contains(policy, want+";") {
				t.Errorf("%s %s: the policy's scripts are not %q: %s", audience, p, want, policy)
			}
		}
		if (hashed > 0) != (audience == config.Internal) {
			t.Errorf("%s: %d inline scripts hashed", audience, hashed)
		}
	}
}
