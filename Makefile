# ancre — build, test and check.
#   make            library and command-line tool (build/)
#   make test       unit tests and golden cases
#   make sanitize   the same tests under AddressSanitizer and UndefinedBehaviorSanitizer
#   make format     clang-format the sources; make format-check fails on a difference
#   make lib        the installable libraries: build/dist/libancre.so.0 (soname) and libancre.a
#   make install    PREFIX=/usr/local DESTDIR=: ancre, libraries, header, ancre.pc, man pages
BUILD ?= build
CC ?= cc
CFLAGS ?= -O2 -g
WARN = -std=gnu11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wformat=2
CPPFLAGS += -Iinclude
LDLIBS = -ljansson -lcsv -pthread
# the store (src/store/): SQLite, PostgreSQL (libpq), SHA-256 of parameter sets (libcrypto)
STORE_LIBS = -lsqlite3 -lpq -lcrypto
PQ_CFLAGS := $(shell pkg-config --cflags libpq 2>/dev/null || echo -I/usr/include/postgresql)

LIB_SRC = $(wildcard src/lib/*.c) $(wildcard src/lib/*/*.c)
LIB_SRC := $(sort $(LIB_SRC))
PARAM_FILES = $(sort $(wildcard params/*.json))
# English of the French messages, one table per module (i18n/en/*.tsv), built in like params/
I18N_EN_FILES = $(sort $(wildcard i18n/en/*.tsv))
LIB_OBJ = $(patsubst src/%.c,$(BUILD)/obj/%.o,$(LIB_SRC)) $(BUILD)/obj/params_embedded.o \
	$(BUILD)/obj/i18n_en_embedded.o
TEST_SRC = $(sort $(wildcard tests/unit/*.c))
# the ancre command: the CLI, the HTTP server and the web simulator (web/, docs/openapi.json)
CLI_SRC = $(sort $(wildcard src/cli/*.c) $(wildcard src/server/*.c))
CLI_OBJ = $(patsubst src/%.c,$(BUILD)/obj/%.o,$(CLI_SRC)) $(BUILD)/obj/web_embedded.o
CLI_LDLIBS = -lmicrohttpd
# the simulator prefills the national figures the accord does not give with the shipped example
WEB_FILES = $(sort $(wildcard web/*)) docs/openapi.json examples/national-2023.json
STORE_OBJ = $(patsubst src/%.c,$(BUILD)/obj/%.o,$(sort $(wildcard src/store/*.c)))

.PHONY: all test sanitize format format-check clean lib install fuzz fuzz-ci

all: $(BUILD)/ancre $(BUILD)/libancre.a $(BUILD)/libancre_store.a

$(BUILD)/obj/%.o: src/%.c $(wildcard include/ancre/*.h src/lib/*/*.h src/cli/*.h src/server/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) $(OBJ_FLAGS) -c $< -o $@

# the library's objects go into a shared library too (position-independent), and export only
# what include/ancre/ancre.h declares (its declarations have default visibility, all else is
# hidden)
$(LIB_OBJ): OBJ_FLAGS = -fPIC -fvisibility=hidden

# the store uses only the library's public interface (include/ancre/ancre.h)
$(STORE_OBJ): CPPFLAGS += $(PQ_CFLAGS)
$(STORE_OBJ) $(CLI_OBJ): $(wildcard src/store/*.h src/cli/*.h)

$(BUILD)/libancre_store.a: $(STORE_OBJ)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/embed: tools/embed.c
	@mkdir -p $(BUILD)
	$(CC) $(WARN) -O1 $< -o $@

$(BUILD)/gen/params_embedded.c: $(PARAM_FILES) $(BUILD)/embed
	@mkdir -p $(dir $@)
	$(BUILD)/embed $@ $(PARAM_FILES)

$(BUILD)/obj/params_embedded.o: $(BUILD)/gen/params_embedded.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) $(OBJ_FLAGS) -c $< -o $@

$(BUILD)/gen/i18n_en_embedded.c: $(I18N_EN_FILES) $(BUILD)/embed
	@mkdir -p $(dir $@)
	$(BUILD)/embed --symbol ancre_i18n_en $@ $(I18N_EN_FILES)

$(BUILD)/obj/i18n_en_embedded.o: $(BUILD)/gen/i18n_en_embedded.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) $(OBJ_FLAGS) -c $< -o $@

$(BUILD)/gen/web_embedded.c: $(WEB_FILES) $(BUILD)/embed
	@mkdir -p $(dir $@)
	$(BUILD)/embed --symbol ancre_web_asset $@ $(WEB_FILES)

$(BUILD)/obj/web_embedded.o: $(BUILD)/gen/web_embedded.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) -c $< -o $@

$(BUILD)/libancre.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

# ---- the installable library -------------------------------------------------------------
VERSION := $(shell sed -n 's/^\#define ANCRE_VERSION "\(.*\)"/\1/p' include/ancre/ancre.h)
SOMAJOR = $(firstword $(subst ., ,$(VERSION)))
PREFIX ?= /usr/local
LIBDIR ?= $(PREFIX)/lib
DIST = $(BUILD)/dist

lib: $(DIST)/libancre.so.$(VERSION) $(DIST)/libancre.a

$(DIST)/libancre.so.$(VERSION): $(LIB_OBJ)
	@mkdir -p $(DIST)
	$(CC) -shared -Wl,-soname,libancre.so.$(SOMAJOR) -Wl,--no-undefined $(LDFLAGS) $^ $(LDLIBS) -o $@
	ln -sf libancre.so.$(VERSION) $(DIST)/libancre.so.$(SOMAJOR)
	ln -sf libancre.so.$(SOMAJOR) $(DIST)/libancre.so

# the static library: one relocatable object whose hidden symbols are made local, so that a
# program linking it statically sees only the ancre_ names too (its own q_add does not clash)
$(DIST)/libancre.a: $(LIB_OBJ)
	@mkdir -p $(DIST)
	$(LD) -r -o $(DIST)/libancre_all.o $^
	objcopy --localize-hidden $(DIST)/libancre_all.o
	rm -f $@
	ar rcs $@ $(DIST)/libancre_all.o

install: $(BUILD)/ancre lib
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(LIBDIR)/pkgconfig \
		$(DESTDIR)$(PREFIX)/include/ancre $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/share/man/man3
	install -m 755 $(BUILD)/ancre $(DESTDIR)$(PREFIX)/bin/ancre
	install -m 755 $(DIST)/libancre.so.$(VERSION) $(DESTDIR)$(LIBDIR)/
	ln -sf libancre.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libancre.so.$(SOMAJOR)
	ln -sf libancre.so.$(SOMAJOR) $(DESTDIR)$(LIBDIR)/libancre.so
	install -m 644 $(DIST)/libancre.a $(DESTDIR)$(LIBDIR)/
	install -m 644 include/ancre/ancre.h $(DESTDIR)$(PREFIX)/include/ancre/
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' -e 's|@VERSION@|$(VERSION)|' \
		ancre.pc.in >$(DESTDIR)$(LIBDIR)/pkgconfig/ancre.pc
	sed 's|@VERSION@|$(VERSION)|' man/ancre.1 >$(DESTDIR)$(PREFIX)/share/man/man1/ancre.1
	sed 's|@VERSION@|$(VERSION)|' man/libancre.3 >$(DESTDIR)$(PREFIX)/share/man/man3/libancre.3

$(BUILD)/ancre: $(CLI_OBJ) $(BUILD)/libancre_store.a $(BUILD)/libancre.a
	$(CC) $(CFLAGS) $(LDFLAGS) $^ $(CLI_LDLIBS) $(LDLIBS) $(STORE_LIBS) -o $@

$(BUILD)/unit_tests: $(TEST_SRC) $(BUILD)/libancre.a tests/unit/check.h
	$(CC) $(CPPFLAGS) -Isrc/lib $(WARN) $(CFLAGS) $(TEST_SRC) $(BUILD)/libancre.a $(LDLIBS) -o $@

$(BUILD)/golden_runner: tests/golden_runner.c $(BUILD)/libancre.a
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) $< $(BUILD)/libancre.a $(LDLIBS) -o $@

# the batch loop of the CLI, with a record function that kills its process on some lines
BATCH_TEST_OBJ = $(BUILD)/obj/cli/batch.o $(BUILD)/obj/cli/table.o $(BUILD)/obj/cli/progress.o
$(BUILD)/batch_test: tests/batch_test.c $(BATCH_TEST_OBJ) $(BUILD)/libancre.a
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) $(LDFLAGS) $< $(BATCH_TEST_OBJ) $(BUILD)/libancre.a $(LDLIBS) -o $@

$(BUILD)/roster_gen: tools/roster_gen.c
	@mkdir -p $(BUILD)
	$(CC) $(WARN) $(CFLAGS) $(LDFLAGS) $< -o $@

# ---- fuzzing (fuzz/, docs/fuzzing.md): libFuzzer harnesses under ASan and UBSan ------------------
#   make fuzz                 builds build-fuzz/fuzz_* with clang
#   make fuzz-ci              replays fuzz/regressions/, then fuzzes each harness briefly (CI)
#   scripts/fuzz.sh SECONDS   a longer campaign (docs/fuzzing.md)
FUZZ_BUILD = build-fuzz
FUZZ_CC ?= clang
FUZZ_TARGETS = decl contract roster params http
FUZZ_CFLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

fuzz:
	$(MAKE) BUILD=$(FUZZ_BUILD) CC=$(FUZZ_CC) CFLAGS="$(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link" \
	    LDFLAGS="-fsanitize=address,undefined" $(patsubst %,$(FUZZ_BUILD)/fuzz_%,$(FUZZ_TARGETS))

fuzz-ci: fuzz
	scripts/fuzz.sh --ci

FUZZ_LIBS = $(BUILD)/libancre_store.a $(BUILD)/libancre.a
$(BUILD)/fuzz_%: fuzz/fuzz_%.c fuzz/fuzz_common.h $(FUZZ_LIBS)
	$(CC) $(CPPFLAGS) -DANCRE_ROOT='"$(CURDIR)"' $(WARN) $(CFLAGS) -fsanitize=fuzzer $< $(FUZZ_LIBS) \
	    $(LDLIBS) $(STORE_LIBS) -o $@

$(BUILD)/fuzz_http: fuzz/fuzz_http.c fuzz/fuzz_common.h $(BUILD)/obj/server/routes.o \
	    $(BUILD)/obj/server/http.o $(BUILD)/obj/web_embedded.o $(FUZZ_LIBS)
	$(CC) $(CPPFLAGS) -DANCRE_ROOT='"$(CURDIR)"' $(WARN) $(CFLAGS) -fsanitize=fuzzer $< \
	    $(BUILD)/obj/server/routes.o $(BUILD)/obj/server/http.o $(BUILD)/obj/web_embedded.o \
	    $(FUZZ_LIBS) $(CLI_LDLIBS) $(LDLIBS) $(STORE_LIBS) -o $@

# random valid declarations of the forfait spécifique, and the properties checked over them
$(BUILD)/gen_declarations: tools/gen_declarations.c
	@mkdir -p $(BUILD)
	$(CC) $(WARN) $(CFLAGS) $(LDFLAGS) $< -ljansson -o $@

$(BUILD)/rsf_properties: tests/property/rsf_properties.c tools/gen_declarations.c $(BUILD)/libancre.a
	$(CC) $(CPPFLAGS) -Isrc/lib $(WARN) $(CFLAGS) $(LDFLAGS) $< $(BUILD)/libancre.a $(LDLIBS) -o $@

# random valid médecin-traitant declarations and contract documents, and their properties
$(BUILD)/gen_mt_contracts: tools/gen_mt_contracts.c
	@mkdir -p $(BUILD)
	$(CC) $(WARN) $(CFLAGS) $(LDFLAGS) $< -ljansson -o $@

$(BUILD)/mt_properties: tests/property/mt_properties.c tools/gen_mt_contracts.c $(BUILD)/libancre.a
	$(CC) $(CPPFLAGS) -Isrc/lib $(WARN) $(CFLAGS) $(LDFLAGS) $< $(BUILD)/libancre.a $(LDLIBS) -o $@

GOLDEN = $(sort $(wildcard tests/golden/*/*.json))

test: $(BUILD)/ancre $(BUILD)/unit_tests $(BUILD)/golden_runner $(BUILD)/roster_gen \
      $(BUILD)/gen_declarations $(BUILD)/rsf_properties $(BUILD)/gen_mt_contracts $(BUILD)/mt_properties \
      $(BUILD)/batch_test
	tests/run_all.sh $(BUILD)

sanitize:
	ANCRE_SANITIZED=1 ANCRE_PROPERTY_CASES=$${ANCRE_PROPERTY_CASES:-1500} $(MAKE) BUILD=build-san CC=$(CC) CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" LDFLAGS="-fsanitize=address,undefined" test

format:
	clang-format -i $$(git ls-files '*.c' '*.h')

format-check:
	clang-format --dry-run --Werror $$(git ls-files '*.c' '*.h')

clean:
	rm -rf build build-san build-fuzz
