# gansim: `make run` and `make test` do all set-up on a fresh Debian machine with Swift.

SWIFT      ?= swift
CONFIG     ?= release
APT_PKGS   := libgsl-dev libopenblas-dev libdnnl-dev libpng-dev openmpi-bin libopenmpi-dev pkg-config
# Only `make reports` needs a browser (its screenshots); `make run` and `make test` never install it.
REPORT_PKGS := chromium
BIN         = .build/$(CONFIG)/gansim
SUDO       := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps reports-deps build run test fuzz bench clean reports validate validate-mpi validate-h100 validate-published

all: build

# A recipe line that apt-gets those of the packages $(1) dpkg does not list as installed.
define apt_install_missing
	@missing=""; \
	for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y $$missing; \
	fi
endef

## deps: apt-get the C libraries whose packages are missing (GSL, OpenBLAS, oneDNN, libpng, Open MPI).
deps:
	$(call apt_install_missing,$(APT_PKGS))

## reports-deps: apt-get headless Chromium for the reports' screenshots. Best effort: without it (no network, no
## root) `make reports` still regenerates reports/ and says that it took no screenshots.
reports-deps:
	-$(call apt_install_missing,$(REPORT_PKGS))

build: deps
	$(SWIFT) build -c $(CONFIG) --product gansim

## run: the main job: simulate the embedded default scenario (BigGAN-128 on one DGX-1).
run: build
	$(BIN) simulate

## test: the whole suite (release build: the numeric tests are slow unoptimised), with one temporary root per run
## (TMPDIR: the tests' files, and the TemporaryDirectory.* folders `swift test` itself leaves), removed pass or fail.
## The MPI jobs run after the rest, alone: their ranks time all-reduces and wait on one another, and the other suites
## running beside them on the same cores would make those times noise.
SWIFT_TEST = $(SWIFT) test -c release --skip-build -Xswiftc -enable-testing
test: deps
	$(SWIFT) build -c release --build-tests -Xswiftc -enable-testing
	@root=$$(mktemp -d "$${TMPDIR:-/tmp}/gansim-test-run.XXXXXX") || exit 1; \
	TMPDIR="$$root" $(SWIFT_TEST) --skip MPIJobs && TMPDIR="$$root" $(SWIFT_TEST) --filter MPIJobs; status=$$?; \
	rm -rf "$$root"; exit $$status

## fuzz: the long fuzzing campaign (GansimFuzz): FUZZ_CASES seeded cases over every entry point, run in worker
## processes with a time and memory budget per case; every crash, hang or unclear message is printed with its case
## (replay one with .build/release/GansimFuzz --replay SEED:INDEX). `make test` runs a fixed-seed slice of 20,000.
FUZZ_CASES ?= 1000000
FUZZ_SEED  ?= 1
fuzz: deps
	$(SWIFT) build -c release --product GansimFuzz
	.build/release/GansimFuzz --cases $(FUZZ_CASES) --seed $(FUZZ_SEED)

## bench: performance figures (never run as tests).
bench: deps
	$(SWIFT) build -c release --product CostModelBenchmarks
	$(SWIFT) build -c release --product SimulatorBenchmarks
	$(SWIFT) build -c release --product PlanningBenchmarks
	.build/release/CostModelBenchmarks
	.build/release/SimulatorBenchmarks
	.build/release/PlanningBenchmarks

## validate: calibrate the cpu profile on this machine and validate it, the fit set interleaved with the plan
## (9 rounds: on this shared VM, 5 left the short 2-thread runs' fastest stretch to chance; see README).
VALIDATE_ROUNDS ?= 9
validate: build
	$(BIN) validate --calibrate --rounds $(VALIDATE_ROUNDS) --save-profile out/cpu-calibrated.json --out out/validation

## validate-mpi: measure the machine (comm-bench at each rank count, ranks' share of the cores), then predict and run
## data-parallel trainings (2 and 4 ranks), fastest of VALIDATE_MPI_ROUNDS interleaved rounds.
VALIDATE_MPI_ROUNDS ?= 5
validate-mpi: build
	$(BIN) validate-distributed $(if $(wildcard out/cpu-calibrated.json),--profile out/cpu-calibrated.json) \
	  --rounds $(VALIDATE_MPI_ROUNDS) --out out/validation-mpi

## validate-h100: fit an H100 profile to the committed PyTorch op timings (measurements/h100/fit), then predict
## the committed whole steps of other configurations (measurements/h100/validation). No GPU needed.
validate-h100: build
	$(BIN) calibrate --device h100 --measurements measurements/h100/fit/*.jsonl --out out/h100-fitted.json
	$(BIN) validate --profile out/h100-fitted.json --measurements measurements/h100/validation/*.jsonl \
	  --out out/validation-h100

## validate-published: fit the V100 GPU execution model (host time per kernel, overlap, device efficiency) to the
## published StyleGAN2-ADA training times, then predict each run by a fit to the others (leave-one-out). No GPU needed.
PUBLISHED      ?= measurements/published/stylegan2-ada-pytorch-v100.csv
PUBLISHED_COLS ?= --architecture stylegan2 --preset auto --topology dgx1-v100 --precision fp16
validate-published: build
	$(BIN) calibrate --device v100-32gb --runs $(PUBLISHED) $(PUBLISHED_COLS) --out out/v100-published.json
	$(BIN) validate --runs $(PUBLISHED) $(PUBLISHED_COLS) --profile out/v100-published.json --leave-one-out \
	  --out out/validation-published

## reports: regenerate reports/ (report.html, summary.md, result.json, iterations.csv, trace.json) for the shipped
## scenarios, and screenshot each report.html in headless Chromium to report.png beside it, to review at a glance.
reports: build reports-deps
	scripts/make_reports.sh $(BIN)

clean:
	rm -rf .build
