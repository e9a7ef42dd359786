# Builds and installs crs-intake: the binary (with the rules and texts built in), its man page
# and its bash, zsh and fish completions. See the README, "Installing".
#
#   make install [PREFIX=/usr/local] [DESTDIR=]   release build, man page, then install-only
#   make install-only BINARY=FILE MANPAGE=FILE     install a binary already built (no build)
#   make uninstall [PREFIX=/usr/local] [DESTDIR=]

PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
INSTALL ?= install

# What install-only installs: by default what `make install` has just built.
BINARY ?= .build/release/crs-intake
MANPAGE ?= .build/plugins/GenerateManual/outputs/crs-intake/crs-intake.1

BINDIR = $(DESTDIR)$(PREFIX)/bin
MAN1DIR = $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR = $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d

.PHONY: all build man install install-only uninstall

all: build

# The Swift runtime and Foundation linked in: the binary needs only GNU readline and the C++
# runtime (README, "A release build").
build:
	$(SWIFT) build -c release --static-swift-stdlib --product crs-intake

# ArgumentParser's generate-manual plugin (it builds the package in release mode first).
man:
	$(SWIFT) package plugin generate-manual

# The man page first: its plugin links the release binary without --static-swift-stdlib, and
# the build after it links the one installed.
install:
	$(MAKE) man
	$(MAKE) build
	$(MAKE) install-only

install-only:
	@test -x "$(BINARY)" || { echo "No binary at '$(BINARY)': run 'make install', or give BINARY=FILE." >&2; exit 1; }
	@test -f "$(MANPAGE)" || { echo "No man page at '$(MANPAGE)': run 'make man', or give MANPAGE=FILE." >&2; exit 1; }
	$(INSTALL) -d "$(BINDIR)" "$(MAN1DIR)" "$(BASHDIR)" "$(ZSHDIR)" "$(FISHDIR)"
	$(INSTALL) -m 755 "$(BINARY)" "$(BINDIR)/crs-intake"
	$(INSTALL) -m 644 "$(MANPAGE)" "$(MAN1DIR)/crs-intake.1"
	"$(BINDIR)/crs-intake" --generate-completion-script bash > "$(BASHDIR)/crs-intake"
	"$(BINDIR)/crs-intake" --generate-completion-script zsh > "$(ZSHDIR)/_crs-intake"
	"$(BINDIR)/crs-intake" --generate-completion-script fish > "$(FISHDIR)/crs-intake.fish"

uninstall:
	rm -f "$(BINDIR)/crs-intake" "$(MAN1DIR)/crs-intake.1" "$(BASHDIR)/crs-intake" "$(ZSHDIR)/_crs-intake" \
		"$(FISHDIR)/crs-intake.fish"
