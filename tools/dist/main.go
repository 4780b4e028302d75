// Command dist makes the release archives of dutyreport (`make dist`): for
// each target system, the binary with the theme and ECharts embedded, its
// Chinese README (README.txt: UTF-8, with a byte-order mark and CRLF on
// Windows, so that Notepad shows it right) and the chart library's licence, in a zip; and SHA256SUMS
// of the zips. The same commit gives the same bytes: the binaries are built
// with -trimpath, no build id and no VCS stamp, and the zips hold their
// files in a fixed order with a fixed time and mode.
//
//	go run ./tools/dist -version v1.2.0 -out dist
package main

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// targets are the systems a county office runs: Windows PCs (amd64, and
// arm64 laptops), Linux servers, and Macs.
var targets = []struct{ goos, goarch string }{
	{"windows", "amd64"}, {"windows", "arm64"},
	{"linux", "amd64"}, {"linux", "arm64"},
	{"darwin", "amd64"}, {"darwin", "arm64"},
}

// stamp is every file's time in the zips: a zip must hold one, and the
// earliest it can (1980) says nothing about when it was made.
var stamp = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

func main() {
	version := flag.String("version", "devel", "the version the binaries report")
	out := flag.String("out", "dist", "the folder the zips and SHA256SUMS go to")
	only := flag.String("only", "", "build only these targets, comma-separated (windows-amd64,linux-amd64)")
	flag.Parse()
	if err := run(*version, *out, *only); err != nil {
		fmt.Fprintln(os.Stderr, "dist:", err)
		os.Exit(1)
	}
}

func run(version, out, only string) error {
	readme, err := os.ReadFile(filepath.Join("tools", "dist", "README.txt"))
	if err != nil {
		return err
	}
	extra := map[string][]byte{"README.txt": append([]byte("\ufeff"), crlf(readme)...)}
	for _, f := range []string{"echarts.LICENSE.txt", "echarts.NOTICE.txt"} {
		data, err := os.ReadFile(filepath.Join("themes", "default", "assets", "vendor", f))
		if err != nil {
			return fmt.Errorf("%w (run make assets first)", err)
		}
		extra["licenses/"+f] = data
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "dutyreport-dist-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	var sums bytes.Buffer
	for _, t := range targets {
		name := t.goos + "-" + t.goarch
		if only != "" && !strings.Contains(","+only+",", ","+name+",") {
			continue
		}
		exe := "dutyreport"
		if t.goos == "windows" {
			exe += ".exe"
		}
		bin := filepath.Join(tmp, name, exe)
		cmd := exec.Command("go", "build", "-trimpath", "-buildvcs=false",
			"-ldflags", "-s -w -buildid= -X main.version="+version, "-o", bin, "./cmd/dutyreport")
		cmd.Env = append(os.Environ(), "GOOS="+t.goos, "GOARCH="+t.goarch, "CGO_ENABLED=0")
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("building %s: %w", name, err)
		}
		dir := "dutyreport-" + version + "-" + name
		zipName := dir + ".zip"
		data, err := pack(dir, bin, exe, extra, t.goos == "windows")
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(out, zipName), data, 0o644); err != nil {
			return err
		}
		fmt.Fprintf(&sums, "%x  %s\n", sha256.Sum256(data), zipName)
		fmt.Fprintf(os.Stderr, "dist: %s (%d KiB)\n", filepath.Join(out, zipName), len(data)/1024)
	}
	return os.WriteFile(filepath.Join(out, "SHA256SUMS"), sums.Bytes(), 0o644)
}

// pack zips the binary and the extra files under the folder dir, in a
// fixed order, each with the fixed time: the same inputs, the same bytes.
func pack(dir, bin, exe string, extra map[string][]byte, windows bool) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name string, mode os.FileMode, r io.Reader) error {
		h := &zip.FileHeader{Name: dir + "/" + name, Method: zip.Deflate, Modified: stamp}
		h.SetMode(mode)
		w, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		_, err = io.Copy(w, r)
		return err
	}
	f, err := os.Open(bin)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if err := add(exe, 0o755, f); err != nil {
		return nil, err
	}
	for _, name := range []string{"README.txt", "licenses/echarts.LICENSE.txt", "licenses/echarts.NOTICE.txt"} {
		data := extra[name]
		if !windows && name == "README.txt" { // plain text of the system: no BOM, LF
			data = bytes.ReplaceAll(bytes.TrimPrefix(data, []byte("\ufeff")), []byte("\r\n"), []byte("\n"))
		}
		if err := add(name, 0o644, bytes.NewReader(data)); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// crlf gives text Windows line ends, which Notepad shows right.
func crlf(b []byte) []byte {
	return bytes.ReplaceAll(bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n")), []byte("\n"), []byte("\r\n"))
}
