# dutyreport — the two commands: `make build` and `make test`.
# Everything they need comes from the Go module proxy; no other tool is assumed.

GO       ?= go
BIN      := bin/dutyreport
VERSION  := $(shell git describe --always --dirty 2>/dev/null || echo devel)
LDFLAGS  := -X main.version=$(VERSION)
# Reproducible binaries: no local paths, no VCS stamp that changes with the tree.
GOBUILD  := $(GO) build -trimpath -buildvcs=false -ldflags '$(LDFLAGS)'

.PHONY: build tool site examples test vet fmt-check golden data bench clean

## build: build the tool, then the example site at the repository root into public/
build: tool site examples

tool:
	$(GOBUILD) -o $(BIN) ./cmd/dutyreport

site: tool
	./$(BIN) build --source .

examples: tool
	./$(BIN) build --source examples/jingzhou

## test: vet, formatting, and every test (the golden public/ included)
test: vet fmt-check
	$(GO) test ./...

vet:
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
bench:
	$(GO) test -run '^$$' -bench . -benchmem -benchtime 3x ./generator/ ./generator/ingest/

clean:
	rm -rf bin dashboard examples/jingzhou/public
