#!/usr/bin/env python3
"""Where the bytes of the web bundle go: the shipped .wasm split into code and data (raw and
gzip -9), and the code of the linked binary before wasm-bindgen (which still has its function
names) grouped by crate and by the simulator's modules. Part of the bundle-size report of
scripts/test.sh; also handy on its own after `trunk build --release`:

    python3 scripts/bundle-breakdown.py dist/*_bg.wasm target/wasm32-unknown-unknown/release/muelle.wasm
"""

import collections
import re
import sys
import zlib

CODE, DATA, CUSTOM = 10, 11, 0


def leb128(buf, i):
    value = shift = 0
    while True:
        byte = buf[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def sections(buf):
    """(id, custom name, start, end) of every section."""
    i, out = 8, []
    while i < len(buf):
        sid = buf[i]
        size, i = leb128(buf, i + 1)
        name = ""
        if sid == CUSTOM:
            n, j = leb128(buf, i)
            name = buf[j:j + n].decode("utf-8", "replace")
        out.append((sid, name, i, i + size))
        i += size
    return out


def imported_functions(buf, start):
    count, i = leb128(buf, start)
    functions = 0
    for _ in range(count):
        for _ in range(2):  # module and field names
            n, i = leb128(buf, i)
            i += n
        kind = buf[i]
        i += 1
        if kind == 0:  # function: type index
            _, i = leb128(buf, i)
            functions += 1
        elif kind == 1:  # table: element type, limits
            i += 1
            flags, i = leb128(buf, i)
            _, i = leb128(buf, i)
            if flags & 1:
                _, i = leb128(buf, i)
        elif kind == 2:  # memory: limits
            flags, i = leb128(buf, i)
            _, i = leb128(buf, i)
            if flags & 1:
                _, i = leb128(buf, i)
        elif kind == 3:  # global: type, mutability
            i += 2
        else:
            raise ValueError(f"unknown import kind {kind}")
    return functions


def function_names(buf, start, end):
    n, i = leb128(buf, start)
    i += n  # the custom section's own name ("name")
    names = {}
    while i < end:
        sub = buf[i]
        size, i = leb128(buf, i + 1)
        if sub == 1:
            count, j = leb128(buf, i)
            for _ in range(count):
                index, j = leb128(buf, j)
                n, j = leb128(buf, j)
                names[index] = buf[j:j + n].decode("utf-8", "replace")
                j += n
        i += size
    return names


def body_sizes(buf, start):
    count, i = leb128(buf, start)
    sizes = []
    for _ in range(count):
        size, i = leb128(buf, i)
        sizes.append(size)
        i += size
    return sizes


def segments(name):
    """The path segments of a legacy-mangled Rust symbol (`_ZN9simulator6docker8dispatch17h…E`)."""
    i, out = 3, []
    while name.startswith("_ZN") and i < len(name) and name[i].isdigit():
        j = i
        while j < len(name) and name[j].isdigit():
            j += 1
        n = int(name[i:j])
        out.append(name[j:j + n])
        i = j + n
    return out


def owner(name):
    """The crate (and, for our own crates, the module) a function belongs to."""
    if name.startswith("_R"):  # v0 mangling: the standard library, built that way
        match = re.search(r"\d+(core|alloc|std|dlmalloc|compiler_builtins)", name)
        return match.group(1) if match else "std"
    path = segments(name)
    if not path:
        return "other"
    if "$LT$" in path[0]:  # an impl block: `<simulator::engine::X as …>`, `<T as tachys::…>`
        text = path[0].replace("$LT$", "<").replace("$u20$", " ").replace("$RF$", "&").replace("..", "::")
        match = re.search(r"([a-z_][a-z0-9_]*)::([A-Za-z_][A-Za-z0-9_]*)", text)
        if not match:
            return "other"
        path = list(match.groups())
    crate = path[0]
    if crate in ("simulator", "lessons", "app") and len(path) > 2:
        return f"{crate}::{path[1]}"
    return crate


def shipped(path):
    buf = open(path, "rb").read()
    print(f"{path}")
    print(f"  {'section':<10} {'raw':>12} {'gzip -9':>12}")
    for sid, _, start, end in sections(buf):
        if sid in (CODE, DATA):
            part = buf[start:end]
            label = "code" if sid == CODE else "data"
            print(f"  {label:<10} {len(part) / 1000:>10.1f} KB {len(zlib.compress(part, 9)) / 1000:>10.1f} KB")


def linked(path, top):
    buf = open(path, "rb").read()
    imports, names, sizes = 0, {}, []
    for sid, name, start, end in sections(buf):
        if sid == 2:
            imports = imported_functions(buf, start)
        elif sid == CODE:
            sizes = body_sizes(buf, start)
        elif sid == CUSTOM and name == "name":
            names = function_names(buf, start, end)
    totals = collections.Counter()
    for k, size in enumerate(sizes):
        totals[owner(names.get(imports + k, "?"))] += size
    whole = sum(sizes)
    print(f"code before wasm-bindgen and wasm-opt, by owner ({whole / 1000:.1f} KB in all):")
    for who, size in totals.most_common(top):
        print(f"  {who:<32} {size / 1000:>8.1f} KB {100 * size / whole:>5.1f} %")


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: bundle-breakdown.py SHIPPED.wasm [LINKED.wasm]")
    shipped(sys.argv[1])
    if len(sys.argv) > 2:
        try:
            linked(sys.argv[2], 30)
        except OSError as e:
            print(f"(no breakdown by crate: {e})")


if __name__ == "__main__":
    main()
