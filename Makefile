# dutyreport — the two commands: `make build` and `make test`.
# Everything they need they fetch themselves: Go modules from the module
# proxy; the chart library (echarts) and the browser-test tools (playwright-core,
# axe-core) from npm, pinned with their integrity in web/package-lock.json;
# Chromium from Debian for the browser test.

GO       ?= go
BIN      := bin/dutyreport
VERSION  := $(shell git describe --always --dirty 2>/dev/null || echo devel)
LDFLAGS  := -X main.version=$(VERSION)
# Reproducible binaries: no local paths, no VCS stamp that changes with the tree.
GOBUILD  := $(GO) build -trimpath -buildvcs=false -ldflags '$(LDFLAGS)'

NPM      ?= npm
CHROMIUM ?= /usr/bin/chromium
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo -n)
# The chart library, embedded in the tool with the default theme and copied
# into every site it builds; never committed (.gitignore).
VENDOR   := themes/default/assets/vendor
ECHARTS  := $(VENDOR)/echarts.min.js
NODE_OK  := web/node_modules/.installed

.PHONY: build tool site examples assets test gotest browser-test chromium vet fmt-check golden data bench bench-smoke fuzz-smoke libreoffice clean dist dist-check cross-check nginx

## build: build the tool, then the example site at the repository root into public/
build: tool site examples

tool: assets
	$(GOBUILD) -o $(BIN) ./cmd/dutyreport

## assets: the pinned npm packages (npm ci checks each one's sha512 integrity
## against web/package-lock.json), and ECharts copied into the default theme
assets: $(ECHARTS)

$(NODE_OK): web/package.json web/package-lock.json
	cd web && $(NPM) ci --engine-strict --no-audit --no-fund --loglevel=error
	touch $@

$(ECHARTS): $(NODE_OK)
	mkdir -p $(VENDOR)
	cp web/node_modules/echarts/dist/echarts.min.js $(ECHARTS)
	cp web/node_modules/echarts/LICENSE $(VENDOR)/echarts.LICENSE.txt
	cp web/node_modules/echarts/NOTICE $(VENDOR)/echarts.NOTICE.txt

site: tool
	./$(BIN) build --source .

## dist: the release zips for Windows (amd64, arm64), Linux (amd64, arm64) and
## macOS (amd64, arm64), each the binary with the theme and ECharts embedded, a
## Chinese README.txt and the chart library's licence, and SHA256SUMS, in dist/.
## The same commit gives the same bytes (tools/dist).
dist: assets
	rm -rf dist
	$(GO) run ./tools/dist -version $(VERSION) -out dist

## dist-check: the release is reproducible: two builds of the Windows and Linux
## zips, the second with an empty build cache, give the same bytes (CI)
dist-check: assets
	rm -rf dist-a dist-b
	$(GO) run ./tools/dist -version $(VERSION) -out dist-a -only windows-amd64,linux-amd64
	cache=$$(mktemp -d) && GOCACHE=$$cache $(GO) run ./tools/dist -version $(VERSION) -out dist-b -only windows-amd64,linux-amd64; \
		status=$$?; rm -rf $$cache; exit $$status
	cmp dist-a/SHA256SUMS dist-b/SHA256SUMS
	cat dist-a/SHA256SUMS
	rm -rf dist-a dist-b

## cross-check: the tool and every package's tests compile for Windows (CI)
cross-check: assets
	GOOS=windows $(GO) vet ./...
	for p in $$($(GO) list ./...); do GOOS=windows $(GO) test -c -o /dev/null $$p >/dev/null || exit 1; done

examples: tool
	./$(BIN) build --source examples/jingzhou

## test: vet, formatting, every Go test (the golden public/ included), then
## the example site in headless Chromium
test: vet fmt-check gotest
	$(MAKE) browser-test

gotest: assets nginx
	DUTYREPORT_REQUIRE_NGINX=1 $(GO) test ./...

## nginx: Debian's nginx (nginx-light), which the hosting test starts on
## loopback with the configuration an internal build writes (generator/deploy)
nginx:
	@if command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; then exit 0; fi; \
	if [ "$$(id -u)" != 0 ] && ! sudo -n true 2>/dev/null; then \
		echo "make test needs nginx: install Debian's package (apt-get install nginx-light) as root"; exit 1; fi; \
	echo "installing Debian's nginx-light for the hosting test"; \
	$(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends nginx-light

## browser-test: the example site in a real browser (web/browser.test.mjs):
## charts draw, no console error, no request leaves the site, axe-core clean
## (run after the Go tests, never beside them: it rebuilds public/, which the
## golden test reads)
browser-test: site chromium
	cd web && SITE=../public CHROMIUM="$$(command -v $(CHROMIUM))" node browser.test.mjs

# Debian's Chromium, installed once; playwright-core drives it (npm's own
# browser download does not work here). CHROMIUM may name another one.
# poppler-utils (pdftotext, pdftoppm) read the pages it prints to PDF.
chromium:
	@if command -v $(CHROMIUM) >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1; then exit 0; fi; \
	if [ "$$(id -u)" != 0 ] && ! sudo -n true 2>/dev/null; then \
		echo "browser-test needs Chromium and poppler-utils: install Debian's packages (apt-get install chromium poppler-utils) as root, or set CHROMIUM=/path/to/chromium"; exit 1; fi; \
	echo "installing Debian's chromium and poppler-utils for the browser test"; \
	$(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends chromium poppler-utils

## libreoffice: Debian's LibreOffice Calc, which BenchmarkFormats uses to save its
## ledger as .xls and .ods (and make.sh of the format fixtures)
libreoffice:
	@if command -v soffice >/dev/null 2>&1; then exit 0; fi; \
	if [ "$$(id -u)" != 0 ] && ! sudo -n true 2>/dev/null; then \
		echo "make bench needs LibreOffice: install Debian's package (apt-get install libreoffice-calc-nogui) as root"; exit 1; fi; \
	echo "installing Debian's libreoffice-calc-nogui for BenchmarkFormats"; \
	$(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q libreoffice-calc-nogui

vet: assets
	$(GO) vet ./...

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

## golden: rebuild the committed public/ after an intended change; read the diff before committing
golden: tool
	./$(BIN) build --source .

## data: regenerate the example data (deterministic: same bytes every time)
data:
	$(GO) run ./cmd/exampledata -out .
	$(GO) run ./cmd/exampledata -jingzhou -out examples/jingzhou

## bench: ingest, build and page-rendering figures for the example and a synthetic province
bench: assets libreoffice
	$(GO) test -run '^$$' -bench . -benchmem -benchtime 3x ./generator/ ./generator/ingest/

## bench-smoke: every benchmark of every package once, its synthetic sites
## small (DUTYREPORT_BENCH=smoke), so that a benchmark that panics or hangs
## fails here (CI runs it after `make test`) rather than at the next `make bench`
bench-smoke: assets
	DUTYREPORT_BENCH=smoke $(GO) test -run '^$$' -bench . -benchtime 1x -timeout 10m ./...

## fuzz-smoke: the readers of binary input files fuzzed for a bounded time (CI
## runs it after `make test`); `go test -fuzz` longer by hand when they change
fuzz-smoke:
	$(GO) test -run '^$$' -fuzz '^FuzzBIFF$$' -fuzztime 30s ./generator/ingest/
	$(GO) test -run '^$$' -fuzz '^FuzzODS$$' -fuzztime 30s ./generator/ingest/

clean:
	rm -rf bin dashboard examples/jingzhou/public public/assets/vendor $(VENDOR) web/node_modules
