//! The official images on the simulated Docker Hub, as Docker Hub served them for linux/amd64 at
//! the end of January 2025 (node:16 and hello-world keep the content of their last builds with
//! that content, from 2023).
//!
//! Generated from the images' real Dockerfiles (docker-library, nginxinc/docker-nginx,
//! nodejs/docker-node, redis/docker-library-redis at the commits Docker Hub built), with the
//! history text each builder records:
//! - BuildKit (official images since 2024): `RUN /bin/sh -c <command> # buildkit` with line
//!   continuations joined and comment lines dropped (the tabs of the source stay: `docker history`
//!   shows them as spaces), `ENV K=v` with variables expanded, `EXPOSE map[80/tcp:{}]`,
//!   `CMD ["a" "b"]` (Go's `%q` of a slice), `VOLUME [/data]`, `COPY src dst # buildkit`; comment
//!   `buildkit.dockerfile.v0`.
//! - Classic builder (ubuntu, and the 2023 node:16 images): `/bin/sh -c #(nop)  CMD ["/bin/bash"]`,
//!   `/bin/sh -c #(nop) ADD file:<sha256> in / `, no comment.
//! - Images assembled from an OCI layout (debian by debuerreotype, busybox): a single history entry.
//!
//! Layer sizes are uncompressed bytes, chosen so `docker images` shows the sizes Docker Hub's images
//! have. Entries of the same repository that were built on the same base repeat its steps with the
//! same text and size, so they share those layers (a later pull prints `Already exists`).

use super::{classic_layer, classic_meta, layer, meta, HubImage, HubStep};

const PATH: &str = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/// The single step of a Debian image built by debuerreotype (`docker history` shows its version
/// in COMMENT).
const fn debuerreotype(created_by: &'static str, size: u64) -> HubStep {
    HubStep { created_by, size, layer: true, comment: "debuerreotype 0.15" }
}

const ALPINE_3_21_ROOTFS: HubStep = layer("ADD alpine-minirootfs-3.21.2-x86_64.tar.gz / # buildkit", 7_834_829);
const ALPINE_CMD: HubStep = meta("CMD [\"/bin/sh\"]");
const ALPINE_3_20_ROOTFS: HubStep = layer("ADD alpine-minirootfs-3.20.5-x86_64.tar.gz / # buildkit", 7_797_760);
const DEBIAN_BOOKWORM: HubStep = debuerreotype("# debian.sh --arch 'amd64' out/ 'bookworm' '@1736726400'", 116_979_362);
const DEBIAN_BOOKWORM_SLIM: HubStep =
    debuerreotype("# debian.sh --arch 'amd64' out/ 'bookworm' '@1736726400'", 74_778_419);
const BUILDPACK_DEPS_BOOKWORM_CURL: HubStep = layer("RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tcurl \t\tgnupg \t\tnetbase \t\tsq \t\twget \t; \trm -rf /var/lib/apt/lists/* # buildkit", 48_392_180);
const BUILDPACK_DEPS_BOOKWORM_SCM: HubStep = layer("RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tgit \t\tmercurial \t\topenssh-client \t\tsubversion \t\t\t\tprocps \t; \trm -rf /var/lib/apt/lists/* # buildkit", 177_091_337);
const BUILDPACK_DEPS_BOOKWORM: HubStep = layer("RUN /bin/sh -c set -ex; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tautoconf \t\tautomake \t\tbzip2 \t\tdefault-libmysqlclient-dev \t\tdpkg-dev \t\tfile \t\tg++ \t\tgcc \t\timagemagick \t\tlibbz2-dev \t\tlibc6-dev \t\tlibcurl4-openssl-dev \t\tlibdb-dev \t\tlibevent-dev \t\tlibffi-dev \t\tlibgdbm-dev \t\tlibglib2.0-dev \t\tlibgmp-dev \t\tlibjpeg-dev \t\tlibkrb5-dev \t\tliblzma-dev \t\tlibmagickcore-dev \t\tlibmagickwand-dev \t\tlibmaxminddb-dev \t\tlibncurses5-dev \t\tlibncursesw5-dev \t\tlibpng-dev \t\tlibpq-dev \t\tlibreadline-dev \t\tlibsqlite3-dev \t\tlibssl-dev \t\tlibtool \t\tlibwebp-dev \t\tlibxml2-dev \t\tlibxslt-dev \t\tlibyaml-dev \t\tmake \t\tpatch \t\tunzip \t\txz-utils \t\tzlib1g-dev \t; \trm -rf /var/lib/apt/lists/* # buildkit", 577_064_905);

pub static CATALOG: &[HubImage] = &[
    HubImage {
        repo: "hello-world",
        tags: &["latest", "linux"],
        description: "Hello World! (an example of minimal Dockerization)",
        stars: 2_413,
        created: "2023-05-02T16:49:27Z",
        env: &[PATH],
        entrypoint: None,
        cmd: Some(&["/hello"]),
        exposed_ports: &[],
        working_dir: "",
        user: "",
        volumes: &[],
        stop_signal: None,
        labels: &[],
        history: &[
            layer("COPY hello / # buildkit", 13_256),
            meta("CMD [\"/hello\"]"),
        ],
    },
    HubImage {
        repo: "alpine",
        tags: &["3.21.2", "3.21", "3", "latest"],
        description: "A minimal Docker image based on Alpine Linux with a complete package index and only 5 MB in size!",
        stars: 11_326,
        created: "2025-01-08T12:07:30Z",
        env: &[PATH],
        entrypoint: None,
        cmd: Some(&["/bin/sh"]),
        exposed_ports: &[],
        working_dir: "",
        user: "",
        volumes: &[],
        stop_signal: None,
        labels: &[],
        history: &[
            ALPINE_3_21_ROOTFS,
            ALPINE_CMD,
        ],
    },
    HubImage {
        repo: "alpine",
        tags: &["3.20.5", "3.20"],
        description: "A minimal Docker image based on Alpine Linux with a complete package index and only 5 MB in size!",
        stars: 11_326,
        created: "2025-01-08T12:07:28Z",
        env: &[PATH],
        entrypoint: None,
        cmd: Some(&["/bin/sh"]),
        exposed_ports: &[],
        working_dir: "",
        user: "",
        volumes: &[],
        stop_signal: None,
        labels: &[],
        history: &[
            ALPINE_3_20_ROOTFS,
            ALPINE_CMD,
        ],
    },
    HubImage {
        repo: "busybox",
        tags: &["1.37.0", "1.37", "1", "unstable", "latest"],
        description: "Busybox base image.",
        stars: 3_357,
        created: "2024-09-26T21:31:42Z",
        env: &[PATH],
        entrypoint: None,
        cmd: Some(&["sh"]),
        exposed_ports: &[],
        working_dir: "",
        user: "",
        volumes: &[],
        stop_signal: None,
        labels: &[],
        history: &[
            classic_layer("BusyBox 1.37.0 (glibc), Debian 12", 4_269_811),
        ],
    },
    HubImage {
        repo: "busybox",
        tags: &["1.36.1", "1.36", "stable"],
        description: "Busybox base image.",
        stars: 3_357,
        created: "2023-05-18T22:34:17Z",
        env: &[PATH],
        entrypoint: None,
        cmd: Some(&["sh"]),
        exposed_ports: &[],
        working_dir: "",
        user: "",
        volumes: &[],
        stop_signal: None,
        labels: &[],
        history: &[
            classic_layer("BusyBox 1.36.1 (glibc), Debian 12", 4_261_550),
        ],
    },
    HubImage {
        repo: "ubuntu",
        tags: &["24.04", "noble-20241118.1", "noble", "latest"],
        description: "Ubuntu is a Debian-based Linux operating system based on free software.",
        stars: 17_683,
        created: "2024-11-19T04:31:46Z",
        env: &[PATH],
        entrypoint: None,
        cmd: Some(&["/bin/bash"]),
        exposed_ports: &[],
        working_dir: "",
        user: "",
        volumes: &[],
        stop_signal: None,
        labels: &[("org.opencontainers.image.ref.name", "ubuntu"), ("org.opencontainers.image.version", "24.04")],
        history: &[
            classic_meta("/bin/sh -c #(nop)  ARG RELEASE"),
            classic_meta("/bin/sh -c #(nop)  ARG LAUNCHPAD_BUILD_ARCH"),
            classic_meta("/bin/sh -c #(nop)  LABEL org.opencontainers.image.ref.name=ubuntu"),
            classic_meta("/bin/sh -c #(nop)  LABEL org.opencontainers.image.version=24.04"),
            classic_layer("/bin/sh -c #(nop) ADD file:ad381af6910645960f002459bba0418ec8dd6c2c7e2369285ad0f24baa35f6f2 in / ", 78_118_302),
            classic_meta("/bin/sh -c #(nop)  CMD [\"/bin/bash\"]"),
        ],
    },
    HubImage {
        repo: "ubuntu",
        tags: &["22.04", "jammy-20240911.1", "jammy"],
        description: "Ubuntu is a Debian-based Linux operating system based on free software.",
        stars: 17_683,
        created: "2024-09-13T02:11:07Z",
        env: &[PATH],
        entrypoint: None,
        cmd: Some(&["/bin/bash"]),
        exposed_ports: &[],
        working_dir: "",
        user: "",
        volumes: &[],
        stop_signal: None,
        labels: &[("org.opencontainers.image.ref.name", "ubuntu"), ("org.opencontainers.image.version", "22.04")],
        history: &[
            classic_meta("/bin/sh -c #(nop)  ARG RELEASE"),
            classic_meta("/bin/sh -c #(nop)  ARG LAUNCHPAD_BUILD_ARCH"),
            classic_meta("/bin/sh -c #(nop)  LABEL org.opencontainers.image.ref.name=ubuntu"),
            classic_meta("/bin/sh -c #(nop)  LABEL org.opencontainers.image.version=22.04"),
            classic_layer("/bin/sh -c #(nop) ADD file:e32768ea69628678751e469306943ce66a6a9947038b2093337f89abd243c27c in / ", 77_863_062),
            classic_meta("/bin/sh -c #(nop)  CMD [\"/bin/bash\"]"),
        ],
    },
    HubImage {
        repo: "ubuntu",
        tags: &["20.04", "focal-20241011", "focal"],
        description: "Ubuntu is a Debian-based Linux operating system based on free software.",
        stars: 17_683,
        created: "2024-10-11T05:07:46Z",
        env: &[PATH],
        entrypoint: None,
        cmd: Some(&["/bin/bash"]),
        exposed_ports: &[],
        working_dir: "",
        user: "",
        volumes: &[],
        stop_signal: None,
        labels: &[("org.opencontainers.image.ref.name", "ubuntu"), ("org.opencontainers.image.version", "20.04")],
        history: &[
            classic_meta("/bin/sh -c #(nop)  ARG RELEASE"),
            classic_meta("/bin/sh -c #(nop)  ARG LAUNCHPAD_BUILD_ARCH"),
            classic_meta("/bin/sh -c #(nop)  LABEL org.opencontainers.image.ref.name=ubuntu"),
            classic_meta("/bin/sh -c #(nop)  LABEL org.opencontainers.image.version=20.04"),
            classic_layer("/bin/sh -c #(nop) ADD file:de5a2acc233d2fecaf6d1d3818e411791ab4f976850b369242181be6f3e578a5 in / ", 72_811_904),
            classic_meta("/bin/sh -c #(nop)  CMD [\"/bin/bash\"]"),
        ],
    },
    HubImage {
        repo: "debian",
        tags: &["bookworm", "bookworm-20250113", "12.9", "12", "latest"],
        description: "Debian is a Linux distribution that's composed entirely of free and open-source software.",
        stars: 5_206,
        created: "2025-01-13T00:00:00Z",
        env: &[PATH],
        entrypoint: None,
        cmd: Some(&["bash"]),
        exposed_ports: &[],
        working_dir: "",
        user: "",
        volumes: &[],
        stop_signal: None,
        labels: &[],
        history: &[
            DEBIAN_BOOKWORM,
        ],
    },
    HubImage {
        repo: "debian",
        tags: &["bookworm-slim", "bookworm-20250113-slim", "12.9-slim", "12-slim"],
        description: "Debian is a Linux distribution that's composed entirely of free and open-source software.",
        stars: 5_206,
        created: "2025-01-13T00:00:00Z",
        env: &[PATH],
        entrypoint: None,
        cmd: Some(&["bash"]),
        exposed_ports: &[],
        working_dir: "",
        user: "",
        volumes: &[],
        stop_signal: None,
        labels: &[],
        history: &[
            DEBIAN_BOOKWORM_SLIM,
        ],
    },
    HubImage {
        repo: "node",
        tags: &["20", "20-bookworm", "20.18", "20.18-bookworm", "20.18.2", "20.18.2-bookworm", "iron", "iron-bookworm", "latest"],
        description: "Node.js is a JavaScript-based platform for server-side and networking applications.",
        stars: 13_719,
        created: "2025-01-22T11:14:51Z",
        env: &[PATH, "NODE_VERSION=20.18.2", "YARN_VERSION=1.22.22"],
        entrypoint: Some(&["docker-entrypoint.sh"]),
        cmd: Some(&["node"]),
        exposed_ports: &[],
        working_dir: "",
        user: "",
        volumes: &[],
        stop_signal: None,
        labels: &[],
        history: &[
            DEBIAN_BOOKWORM,
            BUILDPACK_DEPS_BOOKWORM_CURL,
            BUILDPACK_DEPS_BOOKWORM_SCM,
            BUILDPACK_DEPS_BOOKWORM,
            layer("RUN /bin/sh -c groupadd --gid 1000 node   && useradd --uid 1000 --gid node --shell /bin/bash --create-home node # buildkit", 8_937),
            meta("ENV NODE_VERSION=20.18.2"),
            layer("RUN /bin/sh -c ARCH= && dpkgArch=\"$(dpkg --print-architecture)\"   && case \"${dpkgArch##*-}\" in     amd64) ARCH='x64';;     ppc64el) ARCH='ppc64le';;     s390x) ARCH='s390x';;     arm64) ARCH='arm64';;     armhf) ARCH='armv7l';;     i386) ARCH='x86';;     *) echo \"unsupported architecture\"; exit 1 ;;   esac   && export GNUPGHOME=\"$(mktemp -d)\"   && set -ex   && for key in     C0D6248439F1D5604AAFFB4021D900FFDB233756     DD792F5973C6DE52C432CBDAC77ABFA00DDBF2B7     CC68F5A3106FF448322E48ED27F5E38D5B0A215F     8FCCA13FEF1D0C2E91008E09770F7A9A5AE15600     890C08DB8579162FEE0DF9DB8BEAB4DFCF555EF4     C82FA3AE1CBEDC6BE46B9360C43CEC45C17AB93C     108F52B48DB57BB0CC439B2997B01419BD92F80A     A363A499291CBBC940DD62E41F10027AF002F8B0   ; do       gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys \"$key\" ||       gpg --batch --keyserver keyserver.ubuntu.com --recv-keys \"$key\" ;   done   && curl -fsSLO --compressed \"https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VERSION-linux-$ARCH.tar.xz\"   && curl -fsSLO --compressed \"https://nodejs.org/dist/v$NODE_VERSION/SHASUMS256.txt.asc\"   && gpg --batch --decrypt --output SHASUMS256.txt SHASUMS256.txt.asc   && gpgconf --kill all   && rm -rf \"$GNUPGHOME\"   && grep \" node-v$NODE_VERSION-linux-$ARCH.tar.xz\\$\" SHASUMS256.txt | sha256sum -c -   && tar -xJf \"node-v$NODE_VERSION-linux-$ARCH.tar.xz\" -C /usr/local --strip-components=1 --no-same-owner   && rm \"node-v$NODE_VERSION-linux-$ARCH.tar.xz\" SHASUMS256.txt.asc SHASUMS256.txt   && ln -s /usr/local/bin/node /usr/local/bin/nodejs   && node --version   && npm --version # buildkit", 175_283_514),
            meta("ENV YARN_VERSION=1.22.22"),
            layer("RUN /bin/sh -c set -ex   && export GNUPGHOME=\"$(mktemp -d)\"   && for key in     6A010C5166006599AA17F08146C2130DFD2497F5   ; do     gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys \"$key\" ||     gpg --batch --keyserver keyserver.ubuntu.com --recv-keys \"$key\" ;   done   && curl -fsSLO --compressed \"https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz\"   && curl -fsSLO --compressed \"https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz.asc\"   && gpg --batch --verify yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz   && gpgconf --kill all   && rm -rf \"$GNUPGHOME\"   && mkdir -p /opt   && tar -xzf yarn-v$YARN_VERSION.tar.gz -C /opt/   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarn /usr/local/bin/yarn   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarnpkg /usr/local/bin/yarnpkg   && rm yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz   && yarn --version   && rm -rf /tmp/* # buildkit", 5_338_120),
            layer("COPY docker-entrypoint.sh /usr/local/bin/ # buildkit", 388),
            meta("ENTRYPOINT [\"docker-entrypoint.sh\"]"),
            meta("CMD [\"node\"]"),
        ],
    },
    HubImage {
        repo: "node",
        tags: &["18", "18-bookworm", "18.20", "18.20-bookworm", "18.20.6", "18.20.6-bookworm", "hydrogen", "hydrogen-bookworm"],
        description: "Node.js is a JavaScript-based platform for server-side and networking applications.",
        stars: 13_719,
        created: "2025-01-22T10:58:02Z",
        env: &[PATH, "NODE_VERSION=18.20.6", "YARN_VERSION=1.22.22"],
        entrypoint: Some(&["docker-entrypoint.sh"]),
        cmd: Some(&["node"]),
        exposed_ports: &[],
        working_dir: "",
        user: "",
        volumes: &[],
        stop_signal: None,
        labels: &[],
        history: &[
            DEBIAN_BOOKWORM,
            BUILDPACK_DEPS_BOOKWORM_CURL,
            BUILDPACK_DEPS_BOOKWORM_SCM,
            BUILDPACK_DEPS_BOOKWORM,
            layer("RUN /bin/sh -c groupadd --gid 1000 node   && useradd --uid 1000 --gid node --shell /bin/bash --create-home node # buildkit", 8_941),
            meta("ENV NODE_VERSION=18.20.6"),
            layer("RUN /bin/sh -c ARCH= && dpkgArch=\"$(dpkg --print-architecture)\"   && case \"${dpkgArch##*-}\" in     amd64) ARCH='x64';;     ppc64el) ARCH='ppc64le';;     s390x) ARCH='s390x';;     arm64) ARCH='arm64';;     armhf) ARCH='armv7l';;     i386) ARCH='x86';;     *) echo \"unsupported architecture\"; exit 1 ;;   esac   && export GNUPGHOME=\"$(mktemp -d)\"   && set -ex   && for key in     C0D6248439F1D5604AAFFB4021D900FFDB233756     DD792F5973C6DE52C432CBDAC77ABFA00DDBF2B7     CC68F5A3106FF448322E48ED27F5E38D5B0A215F     8FCCA13FEF1D0C2E91008E09770F7A9A5AE15600     890C08DB8579162FEE0DF9DB8BEAB4DFCF555EF4     C82FA3AE1CBEDC6BE46B9360C43CEC45C17AB93C     108F52B48DB57BB0CC439B2997B01419BD92F80A     A363A499291CBBC940DD62E41F10027AF002F8B0   ; do       gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys \"$key\" ||       gpg --batch --keyserver keyserver.ubuntu.com --recv-keys \"$key\" ;   done   && curl -fsSLO --compressed \"https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VERSION-linux-$ARCH.tar.xz\"   && curl -fsSLO --compressed \"https://nodejs.org/dist/v$NODE_VERSION/SHASUMS256.txt.asc\"   && gpg --batch --decrypt --output SHASUMS256.txt SHASUMS256.txt.asc   && gpgconf --kill all   && rm -rf \"$GNUPGHOME\"   && grep \" node-v$NODE_VERSION-linux-$ARCH.tar.xz\\$\" SHASUMS256.txt | sha256sum -c -   && tar -xJf \"node-v$NODE_VERSION-linux-$ARCH.tar.xz\" -C /usr/local --strip-components=1 --no-same-owner   && rm \"node-v$NODE_VERSION-linux-$ARCH.tar.xz\" SHASUMS256.txt.asc SHASUMS256.txt   && ln -s /usr/local/bin/node /usr/local/bin/nodejs   && node --version   && npm --version # buildkit", 163_402_311),
            meta("ENV YARN_VERSION=1.22.22"),
            layer("RUN /bin/sh -c set -ex   && export GNUPGHOME=\"$(mktemp -d)\"   && for key in     6A010C5166006599AA17F08146C2130DFD2497F5   ; do     gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys \"$key\" ||     gpg --batch --keyserver keyserver.ubuntu.com --recv-keys \"$key\" ;   done   && curl -fsSLO --compressed \"https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz\"   && curl -fsSLO --compressed \"https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz.asc\"   && gpg --batch --verify yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz   && gpgconf --kill all   && rm -rf \"$GNUPGHOME\"   && mkdir -p /opt   && tar -xzf yarn-v$YARN_VERSION.tar.gz -C /opt/   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarn /usr/local/bin/yarn   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarnpkg /usr/local/bin/yarnpkg   && rm yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz   && yarn --version   && rm -rf /tmp/* # buildkit", 5_338_127),
            layer("COPY docker-entrypoint.sh /usr/local/bin/ # buildkit", 388),
            meta("ENTRYPOINT [\"docker-entrypoint.sh\"]"),
            meta("CMD [\"node\"]"),
        ],
    },
    HubImage {
        repo: "node",
        tags: &["20-alpine", "20-alpine3.21", "20.18-alpine", "20.18-alpine3.21", "20.18.2-alpine", "20.18.2-alpine3.21", "iron-alpine", "iron-alpine3.21", "alpine"],
        description: "Node.js is a JavaScript-based platform for server-side and networking applications.",
        stars: 13_719,
        created: "2025-01-22T10:47:19Z",
        env: &[PATH, "NODE_VERSION=20.18.2", "YARN_VERSION=1.22.22"],
        entrypoint: Some(&["docker-entrypoint.sh"]),
        cmd: Some(&["node"]),
        exposed_ports: &[],
        working_dir: "",
        user: "",
        volumes: &[],
        stop_signal: None,
        labels: &[],
        history: &[
            ALPINE_3_21_ROOTFS,
            ALPINE_CMD,
            meta("ENV NODE_VERSION=20.18.2"),
            layer("RUN /bin/sh -c addgroup -g 1000 node     && adduser -u 1000 -G node -s /bin/sh -D node     && apk add --no-cache         libstdc++     && apk add --no-cache --virtual .build-deps         curl     && ARCH= OPENSSL_ARCH='linux*' && alpineArch=\"$(apk --print-arch)\"       && case \"${alpineArch##*-}\" in         x86_64) ARCH='x64' CHECKSUM=\"b7e78c523c18168074cda97790eac4fc9f00dbfc09052ad5ccc91c36df527265\" OPENSSL_ARCH=linux-x86_64;;         x86) OPENSSL_ARCH=linux-elf;;         aarch64) OPENSSL_ARCH=linux-aarch64;;         arm*) OPENSSL_ARCH=linux-armv4;;         ppc64le) OPENSSL_ARCH=linux-ppc64le;;         s390x) OPENSSL_ARCH=linux-s390x;;         *) ;;       esac   && if [ -n \"${CHECKSUM}\" ]; then     set -eu;     curl -fsSLO --compressed \"https://unofficial-builds.nodejs.org/download/release/v$NODE_VERSION/node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz\";     echo \"$CHECKSUM  node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz\" | sha256sum -c -       && tar -xJf \"node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz\" -C /usr/local --strip-components=1 --no-same-owner       && ln -s /usr/local/bin/node /usr/local/bin/nodejs;   else     echo \"Building from source\"     && apk add --no-cache --virtual .build-deps-full         binutils-gold         g++         gcc         gnupg         libgcc         linux-headers         make         python3         py-setuptools     && export GNUPGHOME=\"$(mktemp -d)\"     && for key in       C0D6248439F1D5604AAFFB4021D900FFDB233756       DD792F5973C6DE52C432CBDAC77ABFA00DDBF2B7       CC68F5A3106FF448322E48ED27F5E38D5B0A215F       8FCCA13FEF1D0C2E91008E09770F7A9A5AE15600       890C08DB8579162FEE0DF9DB8BEAB4DFCF555EF4       C82FA3AE1CBEDC6BE46B9360C43CEC45C17AB93C       108F52B48DB57BB0CC439B2997B01419BD92F80A       A363A499291CBBC940DD62E41F10027AF002F8B0     ; do       gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys \"$key\" ||       gpg --batch --keyserver keyserver.ubuntu.com --recv-keys \"$key\" ;     done     && curl -fsSLO --compressed \"https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VERSION.tar.xz\"     && curl -fsSLO --compressed \"https://nodejs.org/dist/v$NODE_VERSION/SHASUMS256.txt.asc\"     && gpg --batch --decrypt --output SHASUMS256.txt SHASUMS256.txt.asc     && gpgconf --kill all     && rm -rf \"$GNUPGHOME\"     && grep \" node-v$NODE_VERSION.tar.xz\\$\" SHASUMS256.txt | sha256sum -c -     && tar -xf \"node-v$NODE_VERSION.tar.xz\"     && cd \"node-v$NODE_VERSION\"     && ./configure     && make -j$(getconf _NPROCESSORS_ONLN) V=     && make install     && apk del .build-deps-full     && cd ..     && rm -Rf \"node-v$NODE_VERSION\"     && rm \"node-v$NODE_VERSION.tar.xz\" SHASUMS256.txt.asc SHASUMS256.txt;   fi   && rm -f \"node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz\"   && find /usr/local/include/node/openssl/archs -mindepth 1 -maxdepth 1 ! -name \"$OPENSSL_ARCH\" -exec rm -rf {} \\;   && apk del .build-deps   && node --version   && npm --version # buildkit", 119_950_301),
            meta("ENV YARN_VERSION=1.22.22"),
            layer("RUN /bin/sh -c apk add --no-cache --virtual .build-deps-yarn curl gnupg tar   && export GNUPGHOME=\"$(mktemp -d)\"   && for key in     6A010C5166006599AA17F08146C2130DFD2497F5   ; do     gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys \"$key\" ||     gpg --batch --keyserver keyserver.ubuntu.com --recv-keys \"$key\" ;   done   && curl -fsSLO --compressed \"https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz\"   && curl -fsSLO --compressed \"https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz.asc\"   && gpg --batch --verify yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz   && gpgconf --kill all   && rm -rf \"$GNUPGHOME\"   && mkdir -p /opt   && tar -xzf yarn-v$YARN_VERSION.tar.gz -C /opt/   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarn /usr/local/bin/yarn   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarnpkg /usr/local/bin/yarnpkg   && rm yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz   && apk del .build-deps-yarn   && yarn --version   && rm -rf /tmp/* # buildkit", 5_343_012),
            layer("COPY docker-entrypoint.sh /usr/local/bin/ # buildkit", 388),
            meta("ENTRYPOINT [\"docker-entrypoint.sh\"]"),
            meta("CMD [\"node\"]"),
        ],
    },
    HubImage {
        repo: "node",
        tags: &["18-alpine", "18-alpine3.21", "18.20-alpine", "18.20-alpine3.21", "18.20.6-alpine", "18.20.6-alpine3.21", "hydrogen-alpine", "hydrogen-alpine3.21"],
        description: "Node.js is a JavaScript-based platform for server-side and networking applications.",
        stars: 13_719,
        created: "2025-01-22T10:39:55Z",
        env: &[PATH, "NODE_VERSION=18.20.6", "YARN_VERSION=1.22.22"],
        entrypoint: Some(&["docker-entrypoint.sh"]),
        cmd: Some(&["node"]),
        exposed_ports: &[],
        working_dir: "",
        user: "",
        volumes: &[],
        stop_signal: None,
        labels: &[],
        history: &[
            ALPINE_3_21_ROOTFS,
            ALPINE_CMD,
            meta("ENV NODE_VERSION=18.20.6"),
            layer("RUN /bin/sh -c addgroup -g 1000 node     && adduser -u 1000 -G node -s /bin/sh -D node     && apk add --no-cache         libstdc++     && apk add --no-cache --virtual .build-deps         curl     && ARCH= OPENSSL_ARCH='linux*' && alpineArch=\"$(apk --print-arch)\"       && case \"${alpineArch##*-}\" in         x86_64) ARCH='x64' CHECKSUM=\"9919b24d4b9973cdd99c5b630ba3d5adc1b71c8f5471fd7a394539451f7e370e\" OPENSSL_ARCH=linux-x86_64;;         x86) OPENSSL_ARCH=linux-elf;;         aarch64) OPENSSL_ARCH=linux-aarch64;;         arm*) OPENSSL_ARCH=linux-armv4;;         ppc64le) OPENSSL_ARCH=linux-ppc64le;;         s390x) OPENSSL_ARCH=linux-s390x;;         *) ;;       esac   && if [ -n \"${CHECKSUM}\" ]; then     set -eu;     curl -fsSLO --compressed \"https://unofficial-builds.nodejs.org/download/release/v$NODE_VERSION/node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz\";     echo \"$CHECKSUM  node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz\" | sha256sum -c -       && tar -xJf \"node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz\" -C /usr/local --strip-components=1 --no-same-owner       && ln -s /usr/local/bin/node /usr/local/bin/nodejs;   else     echo \"Building from source\"     && apk add --no-cache --virtual .build-deps-full         binutils-gold         g++         gcc         gnupg         libgcc         linux-headers         make         python3         py-setuptools     && export GNUPGHOME=\"$(mktemp -d)\"     && for key in       C0D6248439F1D5604AAFFB4021D900FFDB233756       DD792F5973C6DE52C432CBDAC77ABFA00DDBF2B7       CC68F5A3106FF448322E48ED27F5E38D5B0A215F       8FCCA13FEF1D0C2E91008E09770F7A9A5AE15600       890C08DB8579162FEE0DF9DB8BEAB4DFCF555EF4       C82FA3AE1CBEDC6BE46B9360C43CEC45C17AB93C       108F52B48DB57BB0CC439B2997B01419BD92F80A       A363A499291CBBC940DD62E41F10027AF002F8B0     ; do       gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys \"$key\" ||       gpg --batch --keyserver keyserver.ubuntu.com --recv-keys \"$key\" ;     done     && curl -fsSLO --compressed \"https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VERSION.tar.xz\"     && curl -fsSLO --compressed \"https://nodejs.org/dist/v$NODE_VERSION/SHASUMS256.txt.asc\"     && gpg --batch --decrypt --output SHASUMS256.txt SHASUMS256.txt.asc     && gpgconf --kill all     && rm -rf \"$GNUPGHOME\"     && grep \" node-v$NODE_VERSION.tar.xz\\$\" SHASUMS256.txt | sha256sum -c -     && tar -xf \"node-v$NODE_VERSION.tar.xz\"     && cd \"node-v$NODE_VERSION\"     && ./configure     && make -j$(getconf _NPROCESSORS_ONLN) V=     && make install     && apk del .build-deps-full     && cd ..     && rm -Rf \"node-v$NODE_VERSION\"     && rm \"node-v$NODE_VERSION.tar.xz\" SHASUMS256.txt.asc SHASUMS256.txt;   fi   && rm -f \"node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz\"   && find /usr/local/include/node/openssl/archs -mindepth 1 -maxdepth 1 ! -name \"$OPENSSL_ARCH\" -exec rm -rf {} \\;   && apk del .build-deps   && node --version   && npm --version # buildkit", 114_623_440),
            meta("ENV YARN_VERSION=1.22.22"),
            layer("RUN /bin/sh -c apk add --no-cache --virtual .build-deps-yarn curl gnupg tar   && export GNUPGHOME=\"$(mktemp -d)\"   && for key in     6A010C5166006599AA17F08146C2130DFD2497F5   ; do     gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys \"$key\" ||     gpg --batch --keyserver keyserver.ubuntu.com --recv-keys \"$key\" ;   done   && curl -fsSLO --compressed \"https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz\"   && curl -fsSLO --compressed \"https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz.asc\"   && gpg --batch --verify yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz   && gpgconf --kill all   && rm -rf \"$GNUPGHOME\"   && mkdir -p /opt   && tar -xzf yarn-v$YARN_VERSION.tar.gz -C /opt/   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarn /usr/local/bin/yarn   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarnpkg /usr/local/bin/yarnpkg   && rm yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz   && apk del .build-deps-yarn   && yarn --version   && rm -rf /tmp/* # buildkit", 5_343_009),
            layer("COPY docker-entrypoint.sh /usr/local/bin/ # buildkit", 388),
            meta("ENTRYPOINT [\"docker-entrypoint.sh\"]"),
            meta("CMD [\"node\"]"),
        ],
    },
    HubImage {
        repo: "node",
        tags: &["16", "16-buster", "16.20", "16.20-buster", "16.20.2", "16.20.2-buster", "gallium", "gallium-buster"],
        description: "Node.js is a JavaScript-based platform for server-side and networking applications.",
        stars: 13_719,
        created: "2023-09-07T23:01:41Z",
        env: &[PATH, "NODE_VERSION=16.20.2", "YARN_VERSION=1.22.19"],
        entrypoint: Some(&["docker-entrypoint.sh"]),
        cmd: Some(&["node"]),
        exposed_ports: &[],
        working_dir: "",
        user: "",
        volumes: &[],
        stop_signal: None,
        labels: &[],
        history: &[
            classic_layer("/bin/sh -c #(nop) ADD file:1798858cd9178435a71d47c3ff42e46d20c30505ca334b787d75076d6d11431d in / ", 114_069_838),
            classic_meta("/bin/sh -c #(nop)  CMD [\"bash\"]"),
            classic_layer("/bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tcurl \t\tgnupg \t\tnetbase \t\twget \t; \trm -rf /var/lib/apt/lists/*", 17_583_205),
            classic_layer("/bin/sh -c apt-get update && apt-get install -y --no-install-recommends \t\tgit \t\tmercurial \t\topenssh-client \t\tsubversion \t\t\t\tprocps \t&& rm -rf /var/lib/apt/lists/*", 59_609_419),
            classic_layer("/bin/sh -c set -ex; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tautoconf \t\tautomake \t\tbzip2 \t\tdpkg-dev \t\tfile \t\tg++ \t\tgcc \t\timagemagick \t\tlibbz2-dev \t\tlibc6-dev \t\tlibcurl4-openssl-dev \t\tlibdb-dev \t\tlibevent-dev \t\tlibffi-dev \t\tlibgdbm-dev \t\tlibglib2.0-dev \t\tlibgmp-dev \t\tlibjpeg-dev \t\tlibkrb5-dev \t\tliblzma-dev \t\tlibmagickcore-dev \t\tlibmagickwand-dev \t\tlibmaxminddb-dev \t\tlibncurses5-dev \t\tlibncursesw5-dev \t\tlibpng-dev \t\tlibpq-dev \t\tlibreadline-dev \t\tlibsqlite3-dev \t\tlibssl-dev \t\tlibtool \t\tlibwebp-dev \t\tlibxml2-dev \t\tlibxslt-dev \t\tlibyaml-dev \t\tmake \t\tpatch \t\tunzip \t\txz-utils \t\tzlib1g-dev \t\t\t\t$( \t\t\tif apt-cache show 'default-libmysqlclient-dev' 2>/dev/null | grep -q '^Version:'; then \t\t\t\techo 'default-libmysqlclient-dev'; \t\t\telse \t\t\t\techo 'libmysqlclient-dev'; \t\t\tfi \t\t) \t; \trm -rf /var/lib/apt/lists/*", 555_437_210),
            classic_layer("/bin/sh -c groupadd --gid 1000 node   && useradd --uid 1000 --gid node --shell /bin/bash --create-home node", 4_327),
            classic_meta("/bin/sh -c #(nop)  ENV NODE_VERSION=16.20.2"),
            classic_layer("/bin/sh -c ARCH= && dpkgArch=\"$(dpkg --print-architecture)\"   && case \"${dpkgArch##*-}\" in     amd64) ARCH='x64';;     ppc64el) ARCH='ppc64le';;     s390x) ARCH='s390x';;     arm64) ARCH='arm64';;     armhf) ARCH='armv7l';;     i386) ARCH='x86';;     *) echo \"unsupported architecture\"; exit 1 ;;   esac   && set -ex   && for key in     4ED778F539E3634C779C87C6D7062848A1AB005C     141F07595B7B3FFE74309A937405533BE57C7D57     74F12602B6F1C4E913FAA37AD3A89613643B6201     DD792F5973C6DE52C432CBDAC77ABFA00DDBF2B7     61FC681DFB92A079F1685E77973F295594EC4689     8FCCA13FEF1D0C2E91008E09770F7A9A5AE15600     C4F0DFFF4E8C1A8236409D08E73BC641CC11F4C8     890C08DB8579162FEE0DF9DB8BEAB4DFCF555EF4     C82FA3AE1CBEDC6BE46B9360C43CEC45C17AB93C     108F52B48DB57BB0CC439B2997B01419BD92F80A   ; do       gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys \"$key\" ||       gpg --batch --keyserver keyserver.ubuntu.com --recv-keys \"$key\" ;   done   && curl -fsSLO --compressed \"https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VERSION-linux-$ARCH.tar.xz\"   && curl -fsSLO --compressed \"https://nodejs.org/dist/v$NODE_VERSION/SHASUMS256.txt.asc\"   && gpg --batch --decrypt --output SHASUMS256.txt SHASUMS256.txt.asc   && grep \" node-v$NODE_VERSION-linux-$ARCH.tar.xz\\$\" SHASUMS256.txt | sha256sum -c -   && tar -xJf \"node-v$NODE_VERSION-linux-$ARCH.tar.xz\" -C /usr/local --strip-components=1 --no-same-owner   && rm \"node-v$NODE_VERSION-linux-$ARCH.tar.xz\" SHASUMS256.txt.asc SHASUMS256.txt   && ln -s /usr/local/bin/node /usr/local/bin/nodejs   && node --version   && npm --version", 157_203_774),
            classic_meta("/bin/sh -c #(nop)  ENV YARN_VERSION=1.22.19"),
            classic_layer("/bin/sh -c set -ex   && for key in     6A010C5166006599AA17F08146C2130DFD2497F5   ; do     gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys \"$key\" ||     gpg --batch --keyserver keyserver.ubuntu.com --recv-keys \"$key\" ;   done   && curl -fsSLO --compressed \"https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz\"   && curl -fsSLO --compressed \"https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz.asc\"   && gpg --batch --verify yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz   && mkdir -p /opt   && tar -xzf yarn-v$YARN_VERSION.tar.gz -C /opt/   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarn /usr/local/bin/yarn   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarnpkg /usr/local/bin/yarnpkg   && rm yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz   && yarn --version", 5_358_411),
            classic_layer("/bin/sh -c #(nop) COPY file:4d192565a7220e135cab6c77fbc1c73211b69f3d9fb37e62857b2c6eb9363d51 in /usr/local/bin/ ", 388),
            classic_meta("/bin/sh -c #(nop)  ENTRYPOINT [\"docker-entrypoint.sh\"]"),
            classic_meta("/bin/sh -c #(nop)  CMD [\"node\"]"),
        ],
    },
    HubImage {
        repo: "node",
        tags: &["16-alpine", "16-alpine3.18", "16.20-alpine", "16.20-alpine3.18", "16.20.2-alpine", "16.20.2-alpine3.18", "gallium-alpine", "gallium-alpine3.18"],
        description: "Node.js is a JavaScript-based platform for server-side and networking applications.",
        stars: 13_719,
        created: "2023-08-09T03:11:58Z",
        env: &[PATH, "NODE_VERSION=16.20.2", "YARN_VERSION=1.22.19"],
        entrypoint: Some(&["docker-entrypoint.sh"]),
        cmd: Some(&["node"]),
        exposed_ports: &[],
        working_dir: "",
        user: "",
        volumes: &[],
        stop_signal: None,
        labels: &[],
        history: &[
            classic_layer("/bin/sh -c #(nop) ADD file:7acddaa8162ee438f097efe79778648655479ca9172360a57148ca6c378071d9 in / ", 7_334_235),
            classic_meta("/bin/sh -c #(nop)  CMD [\"/bin/sh\"]"),
            classic_meta("/bin/sh -c #(nop)  ENV NODE_VERSION=16.20.2"),
            classic_layer("/bin/sh -c addgroup -g 1000 node     && adduser -u 1000 -G node -s /bin/sh -D node     && apk add --no-cache         libstdc++     && apk add --no-cache --virtual .build-deps         curl     && ARCH= && alpineArch=\"$(apk --print-arch)\"       && case \"${alpineArch##*-}\" in         x86_64)           ARCH='x64'           CHECKSUM=\"d2df78a192bd78b958e19a77821916a38def5e9e46c0c9a0989fdf5eb6c14a7e\"           ;;         *) ;;       esac   && if [ -n \"${CHECKSUM}\" ]; then     set -eu;     curl -fsSLO --compressed \"https://unofficial-builds.nodejs.org/download/release/v$NODE_VERSION/node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz\";     echo \"$CHECKSUM  node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz\" | sha256sum -c -       && tar -xJf \"node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz\" -C /usr/local --strip-components=1 --no-same-owner       && ln -s /usr/local/bin/node /usr/local/bin/nodejs;   else     echo \"Building from source\"     && apk add --no-cache --virtual .build-deps-full         binutils-gold         g++         gcc         gnupg         libgcc         linux-headers         make         python3     && export GNUPGHOME=\"$(mktemp -d)\"     && for key in       4ED778F539E3634C779C87C6D7062848A1AB005C       141F07595B7B3FFE74309A937405533BE57C7D57       74F12602B6F1C4E913FAA37AD3A89613643B6201       DD792F5973C6DE52C432CBDAC77ABFA00DDBF2B7       61FC681DFB92A079F1685E77973F295594EC4689       8FCCA13FEF1D0C2E91008E09770F7A9A5AE15600       C4F0DFFF4E8C1A8236409D08E73BC641CC11F4C8       890C08DB8579162FEE0DF9DB8BEAB4DFCF555EF4       C82FA3AE1CBEDC6BE46B9360C43CEC45C17AB93C       108F52B48DB57BB0CC439B2997B01419BD92F80A     ; do       gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys \"$key\" ||       gpg --batch --keyserver keyserver.ubuntu.com --recv-keys \"$key\" ;     done     && curl -fsSLO --compressed \"https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VERSION.tar.xz\"     && curl -fsSLO --compressed \"https://nodejs.org/dist/v$NODE_VERSION/SHASUMS256.txt.asc\"     && gpg --batch --decrypt --output SHASUMS256.txt SHASUMS256.txt.asc     && gpgconf --kill all     && rm -rf \"$GNUPGHOME\"     && grep \" node-v$NODE_VERSION.tar.xz\\$\" SHASUMS256.txt | sha256sum -c -     && tar -xf \"node-v$NODE_VERSION.tar.xz\"     && cd \"node-v$NODE_VERSION\"     && ./configure     && make -j$(getconf _NPROCESSORS_ONLN) V=     && make install     && apk del .build-deps-full     && cd ..     && rm -Rf \"node-v$NODE_VERSION\"     && rm \"node-v$NODE_VERSION.tar.xz\" SHASUMS256.txt.asc SHASUMS256.txt;   fi   && rm -f \"node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz\"   && apk del .build-deps   && node --version   && npm --version", 102_351_662),
            classic_meta("/bin/sh -c #(nop)  ENV YARN_VERSION=1.22.19"),
            classic_layer("/bin/sh -c apk add --no-cache --virtual .build-deps-yarn curl gnupg tar   && export GNUPGHOME=\"$(mktemp -d)\"   && for key in     6A010C5166006599AA17F08146C2130DFD2497F5   ; do     gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys \"$key\" ||     gpg --batch --keyserver keyserver.ubuntu.com --recv-keys \"$key\" ;   done   && curl -fsSLO --compressed \"https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz\"   && curl -fsSLO --compressed \"https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz.asc\"   && gpg --batch --verify yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz   && gpgconf --kill all   && rm -rf \"$GNUPGHOME\"   && mkdir -p /opt   && tar -xzf yarn-v$YARN_VERSION.tar.gz -C /opt/   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarn /usr/local/bin/yarn   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarnpkg /usr/local/bin/yarnpkg   && rm yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz   && apk del .build-deps-yarn   && yarn --version", 5_358_904),
            classic_layer("/bin/sh -c #(nop) COPY file:4d192565a7220e135cab6c77fbc1c73211b69f3d9fb37e62857b2c6eb9363d51 in /usr/local/bin/ ", 388),
            classic_meta("/bin/sh -c #(nop)  ENTRYPOINT [\"docker-entrypoint.sh\"]"),
            classic_meta("/bin/sh -c #(nop)  CMD [\"node\"]"),
        ],
    },
    HubImage {
        repo: "nginx",
        tags: &["1.27.3", "mainline", "1", "1.27", "latest", "1.27.3-bookworm", "mainline-bookworm", "1-bookworm", "1.27-bookworm", "bookworm"],
        description: "Official build of Nginx.",
        stars: 20_499,
        created: "2025-01-14T01:46:17Z",
        env: &[PATH, "NGINX_VERSION=1.27.3", "NJS_VERSION=0.8.7", "NJS_RELEASE=1~bookworm", "PKG_RELEASE=1~bookworm", "DYNPKG_RELEASE=1~bookworm"],
        entrypoint: Some(&["/docker-entrypoint.sh"]),
        cmd: Some(&["nginx", "-g", "daemon off;"]),
        exposed_ports: &["80/tcp"],
        working_dir: "",
        user: "",
        volumes: &[],
        stop_signal: Some("SIGQUIT"),
        labels: &[("maintainer", "NGINX Docker Maintainers <docker-maint@nginx.com>")],
        history: &[
            DEBIAN_BOOKWORM_SLIM,
            meta("LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>"),
            meta("ENV NGINX_VERSION=1.27.3"),
            meta("ENV NJS_VERSION=0.8.7"),
            meta("ENV NJS_RELEASE=1~bookworm"),
            meta("ENV PKG_RELEASE=1~bookworm"),
            meta("ENV DYNPKG_RELEASE=1~bookworm"),
            layer("RUN /bin/sh -c set -x     && groupadd --system --gid 101 nginx     && useradd --system --gid nginx --no-create-home --home /nonexistent --comment \"nginx user\" --shell /bin/false --uid 101 nginx     && apt-get update     && apt-get install --no-install-recommends --no-install-suggests -y gnupg1 ca-certificates     &&     NGINX_GPGKEYS=\"573BFD6B3D8FBC641079A6ABABF5BD827BD9BF62 8540A6F18833A80E9C1653A42FD21310B49F6B46 9E9BE90EACBCDE69FE9B204CBCDCD8A38D88A2B3\";     NGINX_GPGKEY_PATH=/etc/apt/keyrings/nginx-archive-keyring.gpg;     export GNUPGHOME=\"$(mktemp -d)\";     found='';     for NGINX_GPGKEY in $NGINX_GPGKEYS; do     for server in         hkp://keyserver.ubuntu.com:80         pgp.mit.edu     ; do         echo \"Fetching GPG key $NGINX_GPGKEY from $server\";         gpg1 --keyserver \"$server\" --keyserver-options timeout=10 --recv-keys \"$NGINX_GPGKEY\" && found=yes && break;     done;     test -z \"$found\" && echo >&2 \"error: failed to fetch GPG key $NGINX_GPGKEY\" && exit 1;     done;     gpg1 --export \"$NGINX_GPGKEYS\" > \"$NGINX_GPGKEY_PATH\" ;     rm -rf \"$GNUPGHOME\";     apt-get remove --purge --auto-remove -y gnupg1 && rm -rf /var/lib/apt/lists/*     && dpkgArch=\"$(dpkg --print-architecture)\"     && nginxPackages=\"         nginx=${NGINX_VERSION}-${PKG_RELEASE}         nginx-module-xslt=${NGINX_VERSION}-${DYNPKG_RELEASE}         nginx-module-geoip=${NGINX_VERSION}-${DYNPKG_RELEASE}         nginx-module-image-filter=${NGINX_VERSION}-${DYNPKG_RELEASE}         nginx-module-njs=${NGINX_VERSION}+${NJS_VERSION}-${NJS_RELEASE}     \"     && case \"$dpkgArch\" in         amd64|arm64)             echo \"deb [signed-by=$NGINX_GPGKEY_PATH] https://nginx.org/packages/mainline/debian/ bookworm nginx\" >> /etc/apt/sources.list.d/nginx.list             && apt-get update             ;;         *)             tempDir=\"$(mktemp -d)\"             && chmod 777 \"$tempDir\"                         && savedAptMark=\"$(apt-mark showmanual)\"                         && apt-get update             && apt-get install --no-install-recommends --no-install-suggests -y                 curl                 devscripts                 equivs                 git                 libxml2-utils                 lsb-release                 xsltproc             && (                 cd \"$tempDir\"                 && REVISION=\"${NGINX_VERSION}-${PKG_RELEASE}\"                 && REVISION=${REVISION%~*}                 && curl -f -L -O https://github.com/nginx/pkg-oss/archive/${REVISION}.tar.gz                 && PKGOSSCHECKSUM=\"5617feecfb441cd972b9ac51a2fd78384a3d2bde2f399163be0746d44ec8f7d8c47234af4f6b0012667c3d0446cced521f55f8f71254415e3766c2e3802bf960 *${REVISION}.tar.gz\"                 && if [ \"$(openssl sha512 -r ${REVISION}.tar.gz)\" = \"$PKGOSSCHECKSUM\" ]; then                     echo \"pkg-oss tarball checksum verification succeeded!\";                 else                     echo \"pkg-oss tarball checksum verification failed!\";                     exit 1;                 fi                 && tar xzvf ${REVISION}.tar.gz                 && cd pkg-oss-${REVISION}                 && cd debian                 && for target in base module-geoip module-image-filter module-njs module-xslt; do                     make rules-$target;                     mk-build-deps --install --tool=\"apt-get -o Debug::pkgProblemResolver=yes --no-install-recommends --yes\"                         debuild-$target/nginx-$NGINX_VERSION/debian/control;                 done                 && make base module-geoip module-image-filter module-njs module-xslt             )                         && apt-mark showmanual | xargs apt-mark auto > /dev/null             && { [ -z \"$savedAptMark\" ] || apt-mark manual $savedAptMark; }                         && ls -lAFh \"$tempDir\"             && ( cd \"$tempDir\" && dpkg-scanpackages . > Packages )             && grep '^Package: ' \"$tempDir/Packages\"             && echo \"deb [ trusted=yes ] file://$tempDir ./\" > /etc/apt/sources.list.d/temp.list             && apt-get -o Acquire::GzipIndexes=false update             ;;     esac         && apt-get install --no-install-recommends --no-install-suggests -y                         $nginxPackages                         gettext-base                         curl     && apt-get remove --purge --auto-remove -y && rm -rf /var/lib/apt/lists/* /etc/apt/sources.list.d/nginx.list         && if [ -n \"$tempDir\" ]; then         apt-get purge -y --auto-remove         && rm -rf \"$tempDir\" /etc/apt/sources.list.d/temp.list;     fi     && ln -sf /dev/stdout /var/log/nginx/access.log     && ln -sf /dev/stderr /var/log/nginx/error.log     && mkdir /docker-entrypoint.d # buildkit", 117_298_104),
            layer("COPY docker-entrypoint.sh / # buildkit", 1_620),
            layer("COPY 10-listen-on-ipv6-by-default.sh /docker-entrypoint.d # buildkit", 2_125),
            layer("COPY 15-local-resolvers.envsh /docker-entrypoint.d # buildkit", 389),
            layer("COPY 20-envsubst-on-templates.sh /docker-entrypoint.d # buildkit", 3_018),
            layer("COPY 30-tune-worker-processes.sh /docker-entrypoint.d # buildkit", 4_619),
            meta("ENTRYPOINT [\"/docker-entrypoint.sh\"]"),
            meta("EXPOSE map[80/tcp:{}]"),
            meta("STOPSIGNAL SIGQUIT"),
            meta("CMD [\"nginx\" \"-g\" \"daemon off;\"]"),
        ],
    },
    HubImage {
        repo: "nginx",
        tags: &["1.27.3-alpine", "mainline-alpine", "1-alpine", "1.27-alpine", "alpine", "1.27.3-alpine3.20", "mainline-alpine3.20", "1-alpine3.20", "1.27-alpine3.20", "alpine3.20"],
        description: "Official build of Nginx.",
        stars: 20_499,
        created: "2025-01-08T22:33:11Z",
        env: &[PATH, "NGINX_VERSION=1.27.3", "PKG_RELEASE=1", "DYNPKG_RELEASE=1", "NJS_VERSION=0.8.7", "NJS_RELEASE=1"],
        entrypoint: Some(&["/docker-entrypoint.sh"]),
        cmd: Some(&["nginx", "-g", "daemon off;"]),
        exposed_ports: &["80/tcp"],
        working_dir: "",
        user: "",
        volumes: &[],
        stop_signal: Some("SIGQUIT"),
        labels: &[("maintainer", "NGINX Docker Maintainers <docker-maint@nginx.com>")],
        history: &[
            ALPINE_3_20_ROOTFS,
            ALPINE_CMD,
            meta("LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>"),
            meta("ENV NGINX_VERSION=1.27.3"),
            meta("ENV PKG_RELEASE=1"),
            meta("ENV DYNPKG_RELEASE=1"),
            layer("RUN /bin/sh -c set -x     && addgroup -g 101 -S nginx     && adduser -S -D -H -u 101 -h /var/cache/nginx -s /sbin/nologin -G nginx -g nginx nginx     && apkArch=\"$(cat /etc/apk/arch)\"     && nginxPackages=\"         nginx=${NGINX_VERSION}-r${PKG_RELEASE}     \"     && apk add --no-cache --virtual .checksum-deps         openssl     && case \"$apkArch\" in         x86_64|aarch64)             set -x             && KEY_SHA512=\"e09fa32f0a0eab2b879ccbbc4d0e4fb9751486eedda75e35fac65802cc9faa266425edf83e261137a2f4d16281ce2c1a5f4502930fe75154723da014214f0655\"             && wget -O /tmp/nginx_signing.rsa.pub https://nginx.org/keys/nginx_signing.rsa.pub             && if echo \"$KEY_SHA512 */tmp/nginx_signing.rsa.pub\" | sha512sum -c -; then                 echo \"key verification succeeded!\";                 mv /tmp/nginx_signing.rsa.pub /etc/apk/keys/;             else                 echo \"key verification failed!\";                 exit 1;             fi             && apk add -X \"https://nginx.org/packages/mainline/alpine/v$(egrep -o '^[0-9]+\\.[0-9]+' /etc/alpine-release)/main\" --no-cache $nginxPackages             ;;         *)             set -x             && tempDir=\"$(mktemp -d)\"             && chown nobody:nobody $tempDir             && apk add --no-cache --virtual .build-deps                 gcc                 libc-dev                 make                 openssl-dev                 pcre2-dev                 zlib-dev                 linux-headers                 bash                 alpine-sdk                 findutils                 curl             && su nobody -s /bin/sh -c \"                 export HOME=${tempDir}                 && cd ${tempDir}                 && curl -f -L -O https://github.com/nginx/pkg-oss/archive/${NGINX_VERSION}-${PKG_RELEASE}.tar.gz                 && PKGOSSCHECKSUM=\\\"5617feecfb441cd972b9ac51a2fd78384a3d2bde2f399163be0746d44ec8f7d8c47234af4f6b0012667c3d0446cced521f55f8f71254415e3766c2e3802bf960 *${NGINX_VERSION}-${PKG_RELEASE}.tar.gz\\\"                 && if [ \\\"\\$(openssl sha512 -r ${NGINX_VERSION}-${PKG_RELEASE}.tar.gz)\\\" = \\\"\\$PKGOSSCHECKSUM\\\" ]; then                     echo \\\"pkg-oss tarball checksum verification succeeded!\\\";                 else                     echo \\\"pkg-oss tarball checksum verification failed!\\\";                     exit 1;                 fi                 && tar xzvf ${NGINX_VERSION}-${PKG_RELEASE}.tar.gz                 && cd pkg-oss-${NGINX_VERSION}-${PKG_RELEASE}                 && cd alpine                 && make base                 && apk index --allow-untrusted -o ${tempDir}/packages/alpine/${apkArch}/APKINDEX.tar.gz ${tempDir}/packages/alpine/${apkArch}/*.apk                 && abuild-sign -k ${tempDir}/.abuild/abuild-key.rsa ${tempDir}/packages/alpine/${apkArch}/APKINDEX.tar.gz                 \"             && cp ${tempDir}/.abuild/abuild-key.rsa.pub /etc/apk/keys/             && apk del --no-network .build-deps             && apk add -X ${tempDir}/packages/alpine/ --no-cache $nginxPackages             ;;     esac     && apk del --no-network .checksum-deps     && if [ -n \"$tempDir\" ]; then rm -rf \"$tempDir\"; fi     && if [ -f \"/etc/apk/keys/abuild-key.rsa.pub\" ]; then rm -f /etc/apk/keys/abuild-key.rsa.pub; fi     && apk add --no-cache --virtual .gettext gettext     && mv /usr/bin/envsubst /tmp/         && runDeps=\"$(         scanelf --needed --nobanner /tmp/envsubst             | awk '{ gsub(/,/, \"\\nso:\", $2); print \"so:\" $2 }'             | sort -u             | xargs -r apk info --installed             | sort -u     )\"     && apk add --no-cache $runDeps     && apk del --no-network .gettext     && mv /tmp/envsubst /usr/local/bin/     && apk add --no-cache tzdata     && ln -sf /dev/stdout /var/log/nginx/access.log     && ln -sf /dev/stderr /var/log/nginx/error.log     && mkdir /docker-entrypoint.d # buildkit", 5_417_433),
            layer("COPY docker-entrypoint.sh / # buildkit", 1_620),
            layer("COPY 10-listen-on-ipv6-by-default.sh /docker-entrypoint.d # buildkit", 2_125),
            layer("COPY 15-local-resolvers.envsh /docker-entrypoint.d # buildkit", 389),
            layer("COPY 20-envsubst-on-templates.sh /docker-entrypoint.d # buildkit", 3_018),
            layer("COPY 30-tune-worker-processes.sh /docker-entrypoint.d # buildkit", 4_619),
            meta("ENTRYPOINT [\"/docker-entrypoint.sh\"]"),
            meta("EXPOSE map[80/tcp:{}]"),
            meta("STOPSIGNAL SIGQUIT"),
            meta("CMD [\"nginx\" \"-g\" \"daemon off;\"]"),
            meta("ENV NJS_VERSION=0.8.7"),
            meta("ENV NJS_RELEASE=1"),
            layer("RUN /bin/sh -c set -x     && apkArch=\"$(cat /etc/apk/arch)\"     && nginxPackages=\"         nginx=${NGINX_VERSION}-r${PKG_RELEASE}         nginx-module-xslt=${NGINX_VERSION}-r${DYNPKG_RELEASE}         nginx-module-geoip=${NGINX_VERSION}-r${DYNPKG_RELEASE}         nginx-module-image-filter=${NGINX_VERSION}-r${DYNPKG_RELEASE}         nginx-module-njs=${NGINX_VERSION}.${NJS_VERSION}-r${NJS_RELEASE}     \"     && apk add --no-cache --virtual .checksum-deps         openssl     && case \"$apkArch\" in         x86_64|aarch64)             apk add -X \"https://nginx.org/packages/mainline/alpine/v$(egrep -o '^[0-9]+\\.[0-9]+' /etc/alpine-release)/main\" --no-cache $nginxPackages             ;;         *)             set -x             && tempDir=\"$(mktemp -d)\"             && chown nobody:nobody $tempDir             && apk add --no-cache --virtual .build-deps                 gcc                 libc-dev                 make                 openssl-dev                 pcre2-dev                 zlib-dev                 linux-headers                 libxslt-dev                 gd-dev                 geoip-dev                 libedit-dev                 bash                 alpine-sdk                 findutils                 curl             && su nobody -s /bin/sh -c \"                 export HOME=${tempDir}                 && cd ${tempDir}                 && curl -f -L -O https://github.com/nginx/pkg-oss/archive/${NGINX_VERSION}-${PKG_RELEASE}.tar.gz                 && PKGOSSCHECKSUM=\\\"5617feecfb441cd972b9ac51a2fd78384a3d2bde2f399163be0746d44ec8f7d8c47234af4f6b0012667c3d0446cced521f55f8f71254415e3766c2e3802bf960 *${NGINX_VERSION}-${PKG_RELEASE}.tar.gz\\\"                 && if [ \\\"\\$(openssl sha512 -r ${NGINX_VERSION}-${PKG_RELEASE}.tar.gz)\\\" = \\\"\\$PKGOSSCHECKSUM\\\" ]; then                     echo \\\"pkg-oss tarball checksum verification succeeded!\\\";                 else                     echo \\\"pkg-oss tarball checksum verification failed!\\\";                     exit 1;                 fi                 && tar xzvf ${NGINX_VERSION}-${PKG_RELEASE}.tar.gz                 && cd pkg-oss-${NGINX_VERSION}-${PKG_RELEASE}                 && cd alpine                 && make module-geoip module-image-filter module-njs module-xslt                 && apk index --allow-untrusted -o ${tempDir}/packages/alpine/${apkArch}/APKINDEX.tar.gz ${tempDir}/packages/alpine/${apkArch}/*.apk                 && abuild-sign -k ${tempDir}/.abuild/abuild-key.rsa ${tempDir}/packages/alpine/${apkArch}/APKINDEX.tar.gz                 \"             && cp ${tempDir}/.abuild/abuild-key.rsa.pub /etc/apk/keys/             && apk del --no-network .build-deps             && apk add -X ${tempDir}/packages/alpine/ --no-cache $nginxPackages             ;;     esac     && apk del --no-network .checksum-deps     && if [ -n \"$tempDir\" ]; then rm -rf \"$tempDir\"; fi     && if [ -f \"/etc/apk/keys/abuild-key.rsa.pub\" ]; then rm -f /etc/apk/keys/abuild-key.rsa.pub; fi     && apk add --no-cache curl ca-certificates # buildkit", 34_684_201),
        ],
    },
    HubImage {
        repo: "httpd",
        tags: &["2.4.63", "2.4", "2", "latest", "2.4.63-bookworm", "2.4-bookworm", "2-bookworm", "bookworm"],
        description: "The Apache HTTP Server Project",
        stars: 4_874,
        created: "2025-01-24T02:03:29Z",
        env: &["PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HTTPD_PREFIX=/usr/local/apache2", "HTTPD_VERSION=2.4.63", "HTTPD_SHA256=88fc236ab99b2864b248de7d49a008ec2afd7551e64dce8b95f58f32f94c46ab", "HTTPD_PATCHES="],
        entrypoint: None,
        cmd: Some(&["httpd-foreground"]),
        exposed_ports: &["80/tcp"],
        working_dir: "/usr/local/apache2",
        user: "",
        volumes: &[],
        stop_signal: Some("SIGWINCH"),
        labels: &[],
        history: &[
            DEBIAN_BOOKWORM_SLIM,
            meta("ENV HTTPD_PREFIX=/usr/local/apache2"),
            meta("ENV PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
            layer("RUN /bin/sh -c mkdir -p \"$HTTPD_PREFIX\" \t&& chown www-data:www-data \"$HTTPD_PREFIX\" # buildkit", 0),
            layer("WORKDIR /usr/local/apache2", 0),
            layer("RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tlibaprutil1-ldap \t\tlibldap-common \t; \trm -rf /var/lib/apt/lists/* # buildkit", 4_784_330),
            meta("ENV HTTPD_VERSION=2.4.63"),
            meta("ENV HTTPD_SHA256=88fc236ab99b2864b248de7d49a008ec2afd7551e64dce8b95f58f32f94c46ab"),
            meta("ENV HTTPD_PATCHES="),
            layer("RUN /bin/sh -c set -eux; \t\tsavedAptMark=\"$(apt-mark showmanual)\"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tbzip2 \t\tdpkg-dev \t\tgcc \t\tgnupg \t\tlibapr1-dev \t\tlibaprutil1-dev \t\tlibbrotli-dev \t\tlibcurl4-openssl-dev \t\tlibjansson-dev \t\tliblua5.2-dev \t\tlibnghttp2-dev \t\tlibpcre3-dev \t\tlibssl-dev \t\tlibxml2-dev \t\tmake \t\tpatch \t\twget \t\tzlib1g-dev \t; \trm -r /var/lib/apt/lists/*; \t\tddist() { \t\tlocal f=\"$1\"; shift; \t\tlocal distFile=\"$1\"; shift; \t\tlocal success=; \t\tlocal distUrl=; \t\tfor distUrl in \t\t\thttps://dlcdn.apache.org/ \t\t\thttps://archive.apache.org/dist/ \t\t; do \t\t\tif wget -O \"$f\" \"$distUrl$distFile\" && [ -s \"$f\" ]; then \t\t\t\tsuccess=1; \t\t\t\tbreak; \t\t\tfi; \t\tdone; \t\t[ -n \"$success\" ]; \t}; \t\tddist 'httpd.tar.bz2' \"httpd/httpd-$HTTPD_VERSION.tar.bz2\"; \techo \"$HTTPD_SHA256 *httpd.tar.bz2\" | sha256sum -c -; \t\tddist 'httpd.tar.bz2.asc' \"httpd/httpd-$HTTPD_VERSION.tar.bz2.asc\"; \texport GNUPGHOME=\"$(mktemp -d)\"; \tfor key in \t\tDE29FB3971E71543FD2DC049508EAEC5302DA568 \t\t13155B0E9E634F42BF6C163FDDBA64BA2C312D2F \t\t8B39757B1D8A994DF2433ED58B3A601F08C975E5 \t\t31EE1A81B8D066548156D37B7D6DBFD1F08E012A \t\tA10208FEC3152DD7C0C9B59B361522D782AB7BD1 \t\t3DE024AFDA7A4B15CB6C14410F81AA8AB0D5F771 \t\tEB138C6AF0FC691001B16D93344A844D751D7F27 \t\tCBA5A7C21EC143314C41393E5B968010E04F9A89 \t\t3C016F2B764621BB549C66B516A96495E2226795 \t\t937FB3994A242BA9BF49E93021454AF0CC8B0F7E \t\tEAD1359A4C0F2D37472AAF28F55DF0293A4E7AC9 \t\t4C1EADADB4EF5007579C919C6635B6C0DE885DD3 \t\t01E475360FCCF1D0F24B9D145D414AE1E005C9CB \t\t92CCEF0AA7DD46AC3A0F498BCA6939748103A37E \t\tD395C7573A68B9796D38C258153FA0CD75A67692 \t\tFA39B617B61493FD283503E7EED1EA392261D073 \t\t984FB3350C1D5C7A3282255BB31B213D208F5064 \t\tFE7A49DAA875E890B4167F76CCB2EB46E76CF6D0 \t\t39F6691A0ECF0C50E8BB849CF78875F642721F00 \t\t29A2BA848177B73878277FA475CAA2A3F39B3750 \t\t120A8667241AEDD4A78B46104C042818311A3DE5 \t\t453510BDA6C5855624E009236D0BC73A40581837 \t\t0DE5C55C6BF3B2352DABB89E13249B4FEC88A0BF \t\t7CDBED100806552182F98844E8E7E00B4DAA1988 \t\tA8BA9617EF3BCCAC3B29B869EDB105896F9522D8 \t\t3E6AC004854F3A7F03566B592FF06894E55B0D0E \t\t5B5181C2C0AB13E59DA3F7A3EC582EB639FF092C \t\tA93D62ECC3C8EA12DB220EC934EA76E6791485A8 \t\t65B2D44FE74BD5E3DE3AC3F082781DE46D5954FA \t\t8935926745E1CE7E3ED748F6EC99EE267EB5F61A \t\tE3480043595621FE56105F112AB12A7ADC55C003 \t\t93525CFCF6FDFFB3FD9700DD5A4B10AE43B56A27 \t\tC55AB7B9139EB2263CD1AABC19B033D1760C227B \t\t26F51EF9A82F4ACB43F1903ED377C9E7D1944C66 \t; do \t\tgpg --batch --keyserver keyserver.ubuntu.com --recv-keys \"$key\"; \tdone; \tgpg --batch --verify httpd.tar.bz2.asc httpd.tar.bz2; \tgpgconf --kill all; \trm -rf \"$GNUPGHOME\" httpd.tar.bz2.asc; \t\tmkdir -p src; \ttar -xf httpd.tar.bz2 -C src --strip-components=1; \trm httpd.tar.bz2; \tcd src; \t\tpatches() { \t\twhile [ \"$#\" -gt 0 ]; do \t\t\tlocal patchFile=\"$1\"; shift; \t\t\tlocal patchSha256=\"$1\"; shift; \t\t\tddist \"$patchFile\" \"httpd/patches/apply_to_$HTTPD_VERSION/$patchFile\"; \t\t\techo \"$patchSha256 *$patchFile\" | sha256sum -c -; \t\t\tpatch -p0 < \"$patchFile\"; \t\t\trm -f \"$patchFile\"; \t\tdone; \t}; \tpatches $HTTPD_PATCHES; \t\tgnuArch=\"$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)\"; \tCFLAGS=\"$(dpkg-buildflags --get CFLAGS)\"; \tCPPFLAGS=\"$(dpkg-buildflags --get CPPFLAGS)\"; \tLDFLAGS=\"$(dpkg-buildflags --get LDFLAGS)\"; \t./configure \t\t--build=\"$gnuArch\" \t\t--prefix=\"$HTTPD_PREFIX\" \t\t--enable-mods-shared=reallyall \t\t--enable-mpms-shared=all \t\t--enable-pie \t\tCFLAGS=\"-pipe $CFLAGS\" \t\tCPPFLAGS=\"$CPPFLAGS\" \t\tLDFLAGS=\"-Wl,--as-needed $LDFLAGS\" \t; \tmake -j \"$(nproc)\"; \tmake install; \t\tcd ..; \trm -r src man manual; \t\tsed -ri \t\t-e 's!^(\\s*CustomLog)\\s+\\S+!\\1 /proc/self/fd/1!g' \t\t-e 's!^(\\s*ErrorLog)\\s+\\S+!\\1 /proc/self/fd/2!g' \t\t-e 's!^(\\s*TransferLog)\\s+\\S+!\\1 /proc/self/fd/1!g' \t\t-e 's!^(\\s*User)\\s+daemon\\s*$!\\1 www-data!g' \t\t-e 's!^(\\s*Group)\\s+daemon\\s*$!\\1 www-data!g' \t\t\"$HTTPD_PREFIX/conf/httpd.conf\" \t\t\"$HTTPD_PREFIX/conf/extra/httpd-ssl.conf\" \t; \tgrep -E '^\\s*User www-data$' \"$HTTPD_PREFIX/conf/httpd.conf\"; \tgrep -E '^\\s*Group www-data$' \"$HTTPD_PREFIX/conf/httpd.conf\"; \t\tapt-mark auto '.*' > /dev/null; \t[ -z \"$savedAptMark\" ] || apt-mark manual $savedAptMark; \tfind /usr/local -type f -executable -exec ldd '{}' ';' \t\t| awk '/=>/ { so = $(NF-1); if (index(so, \"/usr/local/\") == 1) { next }; gsub(\"^/(usr/)?\", \"\", so); printf \"*%s\\n\", so }' \t\t| sort -u \t\t| xargs -r dpkg-query --search \t\t| cut -d: -f1 \t\t| sort -u \t\t| xargs -r apt-mark manual \t; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \t\thttpd -v # buildkit", 68_406_117),
            meta("STOPSIGNAL SIGWINCH"),
            layer("COPY httpd-foreground /usr/local/bin/ # buildkit", 138),
            meta("EXPOSE map[80/tcp:{}]"),
            meta("CMD [\"httpd-foreground\"]"),
        ],
    },
    HubImage {
        repo: "python",
        tags: &["3.12.8-bookworm", "3.12-bookworm", "3.12.8", "3.12", "latest"],
        description: "Python is an interpreted, interactive, object-oriented, open-source programming language.",
        stars: 10_062,
        created: "2025-01-24T19:14:03Z",
        env: &["PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LANG=C.UTF-8", "GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305", "PYTHON_VERSION=3.12.8", "PYTHON_SHA256=c909157bb25ec114e5869124cc2a9c4a4d4c1e957ca4ff553f1edc692101154e"],
        entrypoint: None,
        cmd: Some(&["python3"]),
        exposed_ports: &[],
        working_dir: "",
        user: "",
        volumes: &[],
        stop_signal: None,
        labels: &[],
        history: &[
            DEBIAN_BOOKWORM,
            BUILDPACK_DEPS_BOOKWORM_CURL,
            BUILDPACK_DEPS_BOOKWORM_SCM,
            BUILDPACK_DEPS_BOOKWORM,
            meta("ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
            meta("ENV LANG=C.UTF-8"),
            layer("RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tlibbluetooth-dev \t\ttk-dev \t\tuuid-dev \t; \trm -rf /var/lib/apt/lists/* # buildkit", 21_940_513),
            meta("ENV GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305"),
            meta("ENV PYTHON_VERSION=3.12.8"),
            meta("ENV PYTHON_SHA256=c909157bb25ec114e5869124cc2a9c4a4d4c1e957ca4ff553f1edc692101154e"),
            layer("RUN /bin/sh -c set -eux; \t\twget -O python.tar.xz \"https://www.python.org/ftp/python/${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz\"; \techo \"$PYTHON_SHA256 *python.tar.xz\" | sha256sum -c -; \twget -O python.tar.xz.asc \"https://www.python.org/ftp/python/${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz.asc\"; \tGNUPGHOME=\"$(mktemp -d)\"; export GNUPGHOME; \tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys \"$GPG_KEY\"; \tgpg --batch --verify python.tar.xz.asc python.tar.xz; \tgpgconf --kill all; \trm -rf \"$GNUPGHOME\" python.tar.xz.asc; \tmkdir -p /usr/src/python; \ttar --extract --directory /usr/src/python --strip-components=1 --file python.tar.xz; \trm python.tar.xz; \t\tcd /usr/src/python; \tgnuArch=\"$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)\"; \t./configure \t\t--build=\"$gnuArch\" \t\t--enable-loadable-sqlite-extensions \t\t--enable-optimizations \t\t--enable-option-checking=fatal \t\t--enable-shared \t\t--with-lto \t\t--with-ensurepip \t; \tnproc=\"$(nproc)\"; \tEXTRA_CFLAGS=\"$(dpkg-buildflags --get CFLAGS)\"; \tLDFLAGS=\"$(dpkg-buildflags --get LDFLAGS)\"; \ttest \"$gnuArch\" != 'i686-linux-gnu' && EXTRA_CFLAGS=\"${EXTRA_CFLAGS:-} -fno-omit-frame-pointer -mno-omit-leaf-frame-pointer\"; \tmake -j \"$nproc\" \t\t\"EXTRA_CFLAGS=${EXTRA_CFLAGS:-}\" \t\t\"LDFLAGS=${LDFLAGS:-}\" \t; \trm python; \tmake -j \"$nproc\" \t\t\"EXTRA_CFLAGS=${EXTRA_CFLAGS:-}\" \t\t\"LDFLAGS=${LDFLAGS:--Wl},-rpath='\\$\\$ORIGIN/../lib'\" \t\tpython \t; \tmake install; \t\tbin=\"$(readlink -ve /usr/local/bin/python3)\"; \tdir=\"$(dirname \"$bin\")\"; \tmkdir -p \"/usr/share/gdb/auto-load/$dir\"; \tcp -vL Tools/gdb/libpython.py \"/usr/share/gdb/auto-load/$bin-gdb.py\"; \t\tcd /; \trm -rf /usr/src/python; \t\tfind /usr/local -depth \t\t\\( \t\t\t\\( -type d -a \\( -name test -o -name tests -o -name idle_test \\) \\) \t\t\t-o \\( -type f -a \\( -name '*.pyc' -o -name '*.pyo' -o -name 'libpython*.a' \\) \\) \t\t\\) -exec rm -rf '{}' + \t; \t\tldconfig; \t\texport PYTHONDONTWRITEBYTECODE=1; \tpython3 --version; \tpip3 --version # buildkit", 78_606_233),
            layer("RUN /bin/sh -c set -eux; \tfor src in idle3 pip3 pydoc3 python3 python3-config; do \t\tdst=\"$(echo \"$src\" | tr -d 3)\"; \t\t[ -s \"/usr/local/bin/$src\" ]; \t\t[ ! -e \"/usr/local/bin/$dst\" ]; \t\tln -svT \"$src\" \"/usr/local/bin/$dst\"; \tdone # buildkit", 36),
            meta("CMD [\"python3\"]"),
        ],
    },
    HubImage {
        repo: "python",
        tags: &["3.12.8-slim-bookworm", "3.12-slim-bookworm", "3.12.8-slim", "3.12-slim"],
        description: "Python is an interpreted, interactive, object-oriented, open-source programming language.",
        stars: 10_062,
        created: "2025-01-24T19:09:41Z",
        env: &["PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LANG=C.UTF-8", "GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305", "PYTHON_VERSION=3.12.8", "PYTHON_SHA256=c909157bb25ec114e5869124cc2a9c4a4d4c1e957ca4ff553f1edc692101154e"],
        entrypoint: None,
        cmd: Some(&["python3"]),
        exposed_ports: &[],
        working_dir: "",
        user: "",
        volumes: &[],
        stop_signal: None,
        labels: &[],
        history: &[
            DEBIAN_BOOKWORM_SLIM,
            meta("ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
            meta("ENV LANG=C.UTF-8"),
            layer("RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tnetbase \t\ttzdata \t; \trm -rf /var/lib/apt/lists/* # buildkit", 3_514_290),
            meta("ENV GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305"),
            meta("ENV PYTHON_VERSION=3.12.8"),
            meta("ENV PYTHON_SHA256=c909157bb25ec114e5869124cc2a9c4a4d4c1e957ca4ff553f1edc692101154e"),
            layer("RUN /bin/sh -c set -eux; \t\tsavedAptMark=\"$(apt-mark showmanual)\"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tdpkg-dev \t\tgcc \t\tgnupg \t\tlibbluetooth-dev \t\tlibbz2-dev \t\tlibc6-dev \t\tlibdb-dev \t\tlibffi-dev \t\tlibgdbm-dev \t\tliblzma-dev \t\tlibncursesw5-dev \t\tlibreadline-dev \t\tlibsqlite3-dev \t\tlibssl-dev \t\tmake \t\ttk-dev \t\tuuid-dev \t\twget \t\txz-utils \t\tzlib1g-dev \t; \t\twget -O python.tar.xz \"https://www.python.org/ftp/python/${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz\"; \techo \"$PYTHON_SHA256 *python.tar.xz\" | sha256sum -c -; \twget -O python.tar.xz.asc \"https://www.python.org/ftp/python/${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz.asc\"; \tGNUPGHOME=\"$(mktemp -d)\"; export GNUPGHOME; \tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys \"$GPG_KEY\"; \tgpg --batch --verify python.tar.xz.asc python.tar.xz; \tgpgconf --kill all; \trm -rf \"$GNUPGHOME\" python.tar.xz.asc; \tmkdir -p /usr/src/python; \ttar --extract --directory /usr/src/python --strip-components=1 --file python.tar.xz; \trm python.tar.xz; \t\tcd /usr/src/python; \tgnuArch=\"$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)\"; \t./configure \t\t--build=\"$gnuArch\" \t\t--enable-loadable-sqlite-extensions \t\t--enable-optimizations \t\t--enable-option-checking=fatal \t\t--enable-shared \t\t--with-lto \t\t--with-ensurepip \t; \tnproc=\"$(nproc)\"; \tEXTRA_CFLAGS=\"$(dpkg-buildflags --get CFLAGS)\"; \tLDFLAGS=\"$(dpkg-buildflags --get LDFLAGS)\"; \tLDFLAGS=\"${LDFLAGS:--Wl},--strip-all\"; \ttest \"$gnuArch\" != 'i686-linux-gnu' && EXTRA_CFLAGS=\"${EXTRA_CFLAGS:-} -fno-omit-frame-pointer -mno-omit-leaf-frame-pointer\"; \tmake -j \"$nproc\" \t\t\"EXTRA_CFLAGS=${EXTRA_CFLAGS:-}\" \t\t\"LDFLAGS=${LDFLAGS:-}\" \t; \trm python; \tmake -j \"$nproc\" \t\t\"EXTRA_CFLAGS=${EXTRA_CFLAGS:-}\" \t\t\"LDFLAGS=${LDFLAGS:--Wl},-rpath='\\$\\$ORIGIN/../lib'\" \t\tpython \t; \tmake install; \t\tcd /; \trm -rf /usr/src/python; \t\tfind /usr/local -depth \t\t\\( \t\t\t\\( -type d -a \\( -name test -o -name tests -o -name idle_test \\) \\) \t\t\t-o \\( -type f -a \\( -name '*.pyc' -o -name '*.pyo' -o -name 'libpython*.a' \\) \\) \t\t\\) -exec rm -rf '{}' + \t; \t\tldconfig; \t\tapt-mark auto '.*' > /dev/null; \tapt-mark manual $savedAptMark; \tfind /usr/local -type f -executable -not \\( -name '*tkinter*' \\) -exec ldd '{}' ';' \t\t| awk '/=>/ { so = $(NF-1); if (index(so, \"/usr/local/\") == 1) { next }; gsub(\"^/(usr/)?\", \"\", so); printf \"*%s\\n\", so }' \t\t| sort -u \t\t| xargs -r dpkg-query --search \t\t| cut -d: -f1 \t\t| sort -u \t\t| xargs -r apt-mark manual \t; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \trm -rf /var/lib/apt/lists/*; \t\texport PYTHONDONTWRITEBYTECODE=1; \tpython3 --version; \tpip3 --version # buildkit", 45_412_837),
            layer("RUN /bin/sh -c set -eux; \tfor src in idle3 pip3 pydoc3 python3 python3-config; do \t\tdst=\"$(echo \"$src\" | tr -d 3)\"; \t\t[ -s \"/usr/local/bin/$src\" ]; \t\t[ ! -e \"/usr/local/bin/$dst\" ]; \t\tln -svT \"$src\" \"/usr/local/bin/$dst\"; \tdone # buildkit", 36),
            meta("CMD [\"python3\"]"),
        ],
    },
    HubImage {
        repo: "postgres",
        tags: &["16.6", "16", "16.6-bookworm", "16-bookworm", "latest"],
        description: "The PostgreSQL object-relational database system provides reliability and data integrity.",
        stars: 14_077,
        created: "2025-01-14T03:34:51Z",
        env: &["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/16/bin", "GOSU_VERSION=1.17", "LANG=en_US.utf8", "PG_MAJOR=16", "PG_VERSION=16.6-1.pgdg120+1", "PGDATA=/var/lib/postgresql/data"],
        entrypoint: Some(&["docker-entrypoint.sh"]),
        cmd: Some(&["postgres"]),
        exposed_ports: &["5432/tcp"],
        working_dir: "",
        user: "",
        volumes: &["/var/lib/postgresql/data"],
        stop_signal: Some("SIGINT"),
        labels: &[],
        history: &[
            DEBIAN_BOOKWORM_SLIM,
            layer("RUN /bin/sh -c set -eux; \tgroupadd -r postgres --gid=999; \tuseradd -r -g postgres --uid=999 --home-dir=/var/lib/postgresql --shell=/bin/bash postgres; \tinstall --verbose --directory --owner postgres --group postgres --mode 1777 /var/lib/postgresql # buildkit", 4_337),
            layer("RUN /bin/sh -c set -ex; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tgnupg \t\tless \t; \trm -rf /var/lib/apt/lists/* # buildkit", 9_871_116),
            meta("ENV GOSU_VERSION=1.17"),
            layer("RUN /bin/sh -c set -eux; \tsavedAptMark=\"$(apt-mark showmanual)\"; \tapt-get update; \tapt-get install -y --no-install-recommends ca-certificates wget; \trm -rf /var/lib/apt/lists/*; \tdpkgArch=\"$(dpkg --print-architecture | awk -F- '{ print $NF }')\"; \twget -O /usr/local/bin/gosu \"https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch\"; \twget -O /usr/local/bin/gosu.asc \"https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch.asc\"; \texport GNUPGHOME=\"$(mktemp -d)\"; \tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4; \tgpg --batch --verify /usr/local/bin/gosu.asc /usr/local/bin/gosu; \tgpgconf --kill all; \trm -rf \"$GNUPGHOME\" /usr/local/bin/gosu.asc; \tapt-mark auto '.*' > /dev/null; \t[ -z \"$savedAptMark\" ] || apt-mark manual $savedAptMark > /dev/null; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \tchmod +x /usr/local/bin/gosu; \tgosu --version; \tgosu nobody true # buildkit", 4_149_806),
            layer("RUN /bin/sh -c set -eux; \tif [ -f /etc/dpkg/dpkg.cfg.d/docker ]; then \t\tgrep -q '/usr/share/locale' /etc/dpkg/dpkg.cfg.d/docker; \t\tsed -ri '/\\/usr\\/share\\/locale/d' /etc/dpkg/dpkg.cfg.d/docker; \t\t! grep -q '/usr/share/locale' /etc/dpkg/dpkg.cfg.d/docker; \tfi; \tapt-get update; apt-get install -y --no-install-recommends locales; rm -rf /var/lib/apt/lists/*; \techo 'en_US.UTF-8 UTF-8' >> /etc/locale.gen; \tlocale-gen; \tlocale -a | grep 'en_US.utf8' # buildkit", 24_953_117),
            meta("ENV LANG=en_US.utf8"),
            layer("RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tlibnss-wrapper \t\txz-utils \t\tzstd \t; \trm -rf /var/lib/apt/lists/* # buildkit", 1_496_830),
            layer("RUN /bin/sh -c mkdir /docker-entrypoint-initdb.d # buildkit", 0),
            layer("RUN /bin/sh -c set -ex; \tkey='B97B0AFCAA1A47F044F244A07FCC7D46ACCC4CF8'; \texport GNUPGHOME=\"$(mktemp -d)\"; \tmkdir -p /usr/local/share/keyrings/; \tgpg --batch --keyserver keyserver.ubuntu.com --recv-keys \"$key\"; \tgpg --batch --export --armor \"$key\" > /usr/local/share/keyrings/postgres.gpg.asc; \tgpgconf --kill all; \trm -rf \"$GNUPGHOME\" # buildkit", 4_517),
            meta("ENV PG_MAJOR=16"),
            meta("ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/16/bin"),
            meta("ENV PG_VERSION=16.6-1.pgdg120+1"),
            layer("RUN /bin/sh -c set -ex; \t\texport PYTHONDONTWRITEBYTECODE=1; \t\tdpkgArch=\"$(dpkg --print-architecture)\"; \taptRepo=\"[ signed-by=/usr/local/share/keyrings/postgres.gpg.asc ] http://apt.postgresql.org/pub/repos/apt/ bookworm-pgdg main $PG_MAJOR\"; \tcase \"$dpkgArch\" in \t\tamd64 | arm64 | ppc64el | s390x) \t\t\techo \"deb $aptRepo\" > /etc/apt/sources.list.d/pgdg.list; \t\t\tapt-get update; \t\t\t;; \t\t*) \t\t\techo \"deb-src $aptRepo\" > /etc/apt/sources.list.d/pgdg.list; \t\t\t\t\t\tsavedAptMark=\"$(apt-mark showmanual)\"; \t\t\t\t\t\ttempDir=\"$(mktemp -d)\"; \t\t\tcd \"$tempDir\"; \t\t\t\t\t\tapt-get update; \t\t\tapt-get install -y --no-install-recommends dpkg-dev; \t\t\techo \"deb [ trusted=yes ] file://$tempDir ./\" > /etc/apt/sources.list.d/temp.list; \t\t\t_update_repo() { \t\t\t\tdpkg-scanpackages . > Packages; \t\t\t\tapt-get -o Acquire::GzipIndexes=false update; \t\t\t}; \t\t\t_update_repo; \t\t\t\t\t\tnproc=\"$(nproc)\"; \t\t\texport DEB_BUILD_OPTIONS=\"nocheck parallel=$nproc\"; \t\t\tapt-get build-dep -y postgresql-common pgdg-keyring; \t\t\tapt-get source --compile postgresql-common pgdg-keyring; \t\t\t_update_repo; \t\t\tapt-get build-dep -y \"postgresql-$PG_MAJOR=$PG_VERSION\"; \t\t\tapt-get source --compile \"postgresql-$PG_MAJOR=$PG_VERSION\"; \t\t\t\t\t\t\t\t\tapt-mark showmanual | xargs apt-mark auto > /dev/null; \t\t\tapt-mark manual $savedAptMark; \t\t\t\t\t\tls -lAFh; \t\t\t_update_repo; \t\t\tgrep '^Package: ' Packages; \t\t\tcd /; \t\t\t;; \tesac; \t\tapt-get install -y --no-install-recommends postgresql-common; \tsed -ri 's/#(create_main_cluster) .*$/\\1 = false/' /etc/postgresql-common/createcluster.conf; \tapt-get install -y --no-install-recommends \t\t\"postgresql-$PG_MAJOR=$PG_VERSION\" \t; \t\trm -rf /var/lib/apt/lists/*; \t\tif [ -n \"$tempDir\" ]; then \t\tapt-get purge -y --auto-remove; \t\trm -rf \"$tempDir\" /etc/apt/sources.list.d/temp.list; \tfi; \t\tfind /usr -name '*.pyc' -type f -exec bash -c 'for pyc; do dpkg -S \"$pyc\" &> /dev/null || rm -vf \"$pyc\"; done' -- '{}' +; \t\tpostgres --version # buildkit", 319_702_410),
            layer("RUN /bin/sh -c set -eux; \tdpkg-divert --add --rename --divert \"/usr/share/postgresql/postgresql.conf.sample.dpkg\" \"/usr/share/postgresql/$PG_MAJOR/postgresql.conf.sample\"; \tcp -v /usr/share/postgresql/postgresql.conf.sample.dpkg /usr/share/postgresql/postgresql.conf.sample; \tln -sv ../postgresql.conf.sample \"/usr/share/postgresql/$PG_MAJOR/\"; \tsed -ri \"s!^#?(listen_addresses)\\s*=\\s*\\S+.*!\\1 = '*'!\" /usr/share/postgresql/postgresql.conf.sample; \tgrep -F \"listen_addresses = '*'\" /usr/share/postgresql/postgresql.conf.sample # buildkit", 29_916),
            layer("RUN /bin/sh -c install --verbose --directory --owner postgres --group postgres --mode 3777 /var/run/postgresql # buildkit", 0),
            meta("ENV PGDATA=/var/lib/postgresql/data"),
            layer("RUN /bin/sh -c install --verbose --directory --owner postgres --group postgres --mode 1777 \"$PGDATA\" # buildkit", 0),
            meta("VOLUME [/var/lib/postgresql/data]"),
            layer("COPY docker-entrypoint.sh docker-ensure-initdb.sh /usr/local/bin/ # buildkit", 14_962),
            layer("RUN /bin/sh -c ln -sT docker-ensure-initdb.sh /usr/local/bin/docker-enforce-initdb.sh # buildkit", 23),
            meta("ENTRYPOINT [\"docker-entrypoint.sh\"]"),
            meta("STOPSIGNAL SIGINT"),
            meta("EXPOSE map[5432/tcp:{}]"),
            meta("CMD [\"postgres\"]"),
        ],
    },
    HubImage {
        repo: "redis",
        tags: &["7.4.1", "7.4", "7", "latest", "7.4.1-bookworm", "7.4-bookworm", "7-bookworm", "bookworm"],
        description: "Redis is an open source key-value store that functions as a data structure server.",
        stars: 12_966,
        created: "2024-12-03T04:20:45Z",
        env: &[PATH, "GOSU_VERSION=1.17", "REDIS_VERSION=7.4.1", "REDIS_DOWNLOAD_URL=http://download.redis.io/releases/redis-7.4.1.tar.gz", "REDIS_DOWNLOAD_SHA=bc34b878eb89421bbfca6fa78752343bf37af312a09eb0fae47c9575977dfaa2"],
        entrypoint: Some(&["docker-entrypoint.sh"]),
        cmd: Some(&["redis-server"]),
        exposed_ports: &["6379/tcp"],
        working_dir: "/data",
        user: "",
        volumes: &["/data"],
        stop_signal: None,
        labels: &[],
        history: &[
            DEBIAN_BOOKWORM_SLIM,
            layer("RUN /bin/sh -c set -eux; \tgroupadd -r -g 999 redis; \tuseradd -r -g redis -u 999 redis # buildkit", 4_302),
            layer("RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\ttzdata \t; \trm -rf /var/lib/apt/lists/* # buildkit", 1_496_127),
            meta("ENV GOSU_VERSION=1.17"),
            layer("RUN /bin/sh -c set -eux; \tsavedAptMark=\"$(apt-mark showmanual)\"; \tapt-get update; \tapt-get install -y --no-install-recommends ca-certificates gnupg wget; \trm -rf /var/lib/apt/lists/*; \tarch=\"$(dpkg --print-architecture | awk -F- '{ print $NF }')\"; \tcase \"$arch\" in \t\t'amd64') url='https://github.com/tianon/gosu/releases/download/1.17/gosu-amd64'; sha256='bbc4136d03ab138b1ad66fa4fc051bafc6cc7ffae632b069a53657279a450de3' ;; \t\t'arm64') url='https://github.com/tianon/gosu/releases/download/1.17/gosu-arm64'; sha256='c3805a85d17f4454c23d7059bcb97e1ec1af272b90126e79ed002342de08389b' ;; \t\t'armel') url='https://github.com/tianon/gosu/releases/download/1.17/gosu-armel'; sha256='f9969910fa141140438c998cfa02f603bf213b11afd466dcde8fa940e700945d' ;; \t\t'i386') url='https://github.com/tianon/gosu/releases/download/1.17/gosu-i386'; sha256='087dbb8fe479537e64f9c86fa49ff3b41dee1cbd28739a19aaef83dc8186b1ca' ;; \t\t'mips64el') url='https://github.com/tianon/gosu/releases/download/1.17/gosu-mips64el'; sha256='87140029d792595e660be0015341dfa1c02d1181459ae40df9f093e471d75b70' ;; \t\t'ppc64el') url='https://github.com/tianon/gosu/releases/download/1.17/gosu-ppc64el'; sha256='1891acdcfa70046818ab6ed3c52b9d42fa10fbb7b340eb429c8c7849691dbd76' ;; \t\t'riscv64') url='https://github.com/tianon/gosu/releases/download/1.17/gosu-riscv64'; sha256='38a6444b57adce135c42d5a3689f616fc7803ddc7a07ff6f946f2ebc67a26ba6' ;; \t\t's390x') url='https://github.com/tianon/gosu/releases/download/1.17/gosu-s390x'; sha256='69873bab588192f760547ca1f75b27cfcf106e9f7403fee6fd0600bc914979d0' ;; \t\t'armhf') url='https://github.com/tianon/gosu/releases/download/1.17/gosu-armhf'; sha256='e5866286277ff2a2159fb9196fea13e0a59d3f1091ea46ddb985160b94b6841b' ;; \t\t*) echo >&2 \"error: unsupported gosu architecture: '$arch'\"; exit 1 ;; \tesac; \twget -O /usr/local/bin/gosu.asc \"$url.asc\"; \twget -O /usr/local/bin/gosu \"$url\"; \techo \"$sha256 */usr/local/bin/gosu\" | sha256sum -c -; \texport GNUPGHOME=\"$(mktemp -d)\"; \tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4; \tgpg --batch --verify /usr/local/bin/gosu.asc /usr/local/bin/gosu; \tgpgconf --kill all; \trm -rf \"$GNUPGHOME\" /usr/local/bin/gosu.asc; \tapt-mark auto '.*' > /dev/null; \t[ -z \"$savedAptMark\" ] || apt-mark manual $savedAptMark > /dev/null; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \tchmod +x /usr/local/bin/gosu; \tgosu --version; \tgosu nobody true # buildkit", 4_149_806),
            meta("ENV REDIS_VERSION=7.4.1"),
            meta("ENV REDIS_DOWNLOAD_URL=http://download.redis.io/releases/redis-7.4.1.tar.gz"),
            meta("ENV REDIS_DOWNLOAD_SHA=bc34b878eb89421bbfca6fa78752343bf37af312a09eb0fae47c9575977dfaa2"),
            layer("RUN /bin/sh -c set -eux; \t\tsavedAptMark=\"$(apt-mark showmanual)\"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\twget \t\t\t\tdpkg-dev \t\tgcc \t\tlibc6-dev \t\tlibssl-dev \t\tmake \t; \trm -rf /var/lib/apt/lists/*; \t\twget -O redis.tar.gz \"$REDIS_DOWNLOAD_URL\"; \techo \"$REDIS_DOWNLOAD_SHA *redis.tar.gz\" | sha256sum -c -; \tmkdir -p /usr/src/redis; \ttar -xzf redis.tar.gz -C /usr/src/redis --strip-components=1; \trm redis.tar.gz; \t\tgrep -E '^ *createBoolConfig[(]\"protected-mode\",.*, *1 *,.*[)],$' /usr/src/redis/src/config.c; \tsed -ri 's!^( *createBoolConfig[(]\"protected-mode\",.*, *)1( *,.*[)],)$!\\10\\2!' /usr/src/redis/src/config.c; \tgrep -E '^ *createBoolConfig[(]\"protected-mode\",.*, *0 *,.*[)],$' /usr/src/redis/src/config.c; \t\tgnuArch=\"$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)\"; \textraJemallocConfigureFlags=\"--build=$gnuArch\"; \tdpkgArch=\"$(dpkg --print-architecture)\"; \tcase \"${dpkgArch##*-}\" in \t\tamd64 | i386 | x32) extraJemallocConfigureFlags=\"$extraJemallocConfigureFlags --with-lg-page=12\" ;; \t\t*) extraJemallocConfigureFlags=\"$extraJemallocConfigureFlags --with-lg-page=16\" ;; \tesac; \textraJemallocConfigureFlags=\"$extraJemallocConfigureFlags --with-lg-hugepage=21\"; \tgrep -F 'cd jemalloc && ./configure ' /usr/src/redis/deps/Makefile; \tsed -ri 's!cd jemalloc && ./configure !&'\"$extraJemallocConfigureFlags\"' !' /usr/src/redis/deps/Makefile; \tgrep -F \"cd jemalloc && ./configure $extraJemallocConfigureFlags \" /usr/src/redis/deps/Makefile; \t\texport BUILD_TLS=yes; \tmake -C /usr/src/redis -j \"$(nproc)\" all; \tmake -C /usr/src/redis install; \t\tserverMd5=\"$(md5sum /usr/local/bin/redis-server | cut -d' ' -f1)\"; export serverMd5; \tfind /usr/local/bin/redis* -maxdepth 0 \t\t-type f -not -name redis-server \t\t-exec sh -eux -c ' \t\t\tmd5=\"$(md5sum \"$1\" | cut -d\" \" -f1)\"; \t\t\ttest \"$md5\" = \"$serverMd5\"; \t\t' -- '{}' ';' \t\t-exec ln -svfT 'redis-server' '{}' ';' \t; \t\trm -r /usr/src/redis; \t\tapt-mark auto '.*' > /dev/null; \t[ -z \"$savedAptMark\" ] || apt-mark manual $savedAptMark > /dev/null; \tfind /usr/local -type f -executable -exec ldd '{}' ';' \t\t| awk '/=>/ { so = $(NF-1); if (index(so, \"/usr/local/\") == 1) { next }; gsub(\"^/(usr/)?\", \"\", so); printf \"*%s\\n\", so }' \t\t| sort -u \t\t| xargs -r dpkg-query --search \t\t| cut -d: -f1 \t\t| sort -u \t\t| xargs -r apt-mark manual \t; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \t\tredis-cli --version; \tredis-server --version # buildkit", 36_570_331),
            layer("RUN /bin/sh -c mkdir /data && chown redis:redis /data # buildkit", 0),
            meta("VOLUME [/data]"),
            layer("WORKDIR /data", 0),
            layer("COPY docker-entrypoint.sh /usr/local/bin/ # buildkit", 661),
            meta("ENTRYPOINT [\"docker-entrypoint.sh\"]"),
            meta("EXPOSE map[6379/tcp:{}]"),
            meta("CMD [\"redis-server\"]"),
        ],
    },
    HubImage {
        repo: "mysql",
        tags: &["8.4.4", "8.4", "8", "lts", "8.4.4-oraclelinux9", "8.4-oraclelinux9", "8-oraclelinux9", "lts-oraclelinux9", "8.4.4-oracle", "8.4-oracle", "8-oracle", "lts-oracle", "latest"],
        description: "MySQL is a widely used, open-source relational database management system (RDBMS).",
        stars: 15_762,
        created: "2025-01-22T18:40:11Z",
        env: &[PATH, "GOSU_VERSION=1.17", "MYSQL_MAJOR=8.4", "MYSQL_VERSION=8.4.4-1.el9", "MYSQL_SHELL_VERSION=8.4.4-1.el9"],
        entrypoint: Some(&["docker-entrypoint.sh"]),
        cmd: Some(&["mysqld"]),
        exposed_ports: &["3306/tcp", "33060/tcp"],
        working_dir: "",
        user: "",
        volumes: &["/var/lib/mysql"],
        stop_signal: None,
        labels: &[],
        history: &[
            layer("ADD oraclelinux-9-slim-amd64-rootfs.tar.xz / # buildkit", 113_438_029),
            meta("CMD [\"/bin/bash\"]"),
            layer("RUN /bin/sh -c set -eux; \tgroupadd --system --gid 999 mysql; \tuseradd --system --uid 999 --gid 999 --home-dir /var/lib/mysql --no-create-home mysql # buildkit", 4_096),
            meta("ENV GOSU_VERSION=1.17"),
            layer("RUN /bin/sh -c set -eux; \tarch=\"$(uname -m)\"; \tcase \"$arch\" in \t\taarch64) gosuArch='arm64' ;; \t\tx86_64) gosuArch='amd64' ;; \t\t*) echo >&2 \"error: unsupported architecture: '$arch'\"; exit 1 ;; \tesac; \tcurl -fL -o /usr/local/bin/gosu.asc \"https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$gosuArch.asc\"; \tcurl -fL -o /usr/local/bin/gosu \"https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$gosuArch\"; \texport GNUPGHOME=\"$(mktemp -d)\"; \tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4; \tgpg --batch --verify /usr/local/bin/gosu.asc /usr/local/bin/gosu; \trm -rf \"$GNUPGHOME\" /usr/local/bin/gosu.asc; \tchmod +x /usr/local/bin/gosu; \tgosu --version; \tgosu nobody true # buildkit", 4_146_912),
            layer("RUN /bin/sh -c set -eux; \tmicrodnf install -y \t\tbzip2 \t\tgzip \t\topenssl \t\txz \t\tzstd \t\tfindutils \t; \tmicrodnf clean all # buildkit", 23_716_488),
            layer("RUN /bin/sh -c set -eux; \tkey='BCA4 3417 C3B4 85DD 128E C6D4 B7B3 B788 A8D3 785C'; \texport GNUPGHOME=\"$(mktemp -d)\"; \tgpg --batch --keyserver keyserver.ubuntu.com --recv-keys \"$key\"; \tgpg --batch --export --armor \"$key\" > /etc/pki/rpm-gpg/RPM-GPG-KEY-mysql; \trm -rf \"$GNUPGHOME\" # buildkit", 2_539),
            meta("ENV MYSQL_MAJOR=8.4"),
            meta("ENV MYSQL_VERSION=8.4.4-1.el9"),
            layer("RUN /bin/sh -c set -eu; \t{ \t\techo '[mysql8.4-server-minimal]'; \t\techo 'name=MySQL 8.4 Server Minimal'; \t\techo 'enabled=1'; \t\techo 'baseurl=https://repo.mysql.com/yum/mysql-8.4-community/docker/el/9/$basearch/'; \t\techo 'gpgcheck=1'; \t\techo 'gpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-mysql'; \t\techo 'module_hotfixes=true'; \t} | tee /etc/yum.repos.d/mysql-community-minimal.repo # buildkit", 195),
            layer("RUN /bin/sh -c set -eux; \tmicrodnf install -y \"mysql-community-server-minimal-$MYSQL_VERSION\"; \tmicrodnf clean all; \tgrep -F 'socket=/var/lib/mysql/mysql.sock' /etc/my.cnf; \tsed -i 's!^socket=.*!socket=/var/run/mysqld/mysqld.sock!' /etc/my.cnf; \tgrep -F 'socket=/var/run/mysqld/mysqld.sock' /etc/my.cnf; \t{ echo '[client]'; echo 'socket=/var/run/mysqld/mysqld.sock'; } >> /etc/my.cnf; \t\t! grep -F '!includedir' /etc/my.cnf; \t{ echo; echo '!includedir /etc/mysql/conf.d/'; } >> /etc/my.cnf; \tmkdir -p /etc/mysql/conf.d; \tmkdir -p /var/lib/mysql /var/run/mysqld; \tchown mysql:mysql /var/lib/mysql /var/run/mysqld; \tchmod 1777 /var/lib/mysql /var/run/mysqld; \t\tmkdir /docker-entrypoint-initdb.d; \t\tmysqld --version; \tmysql --version # buildkit", 331_812_436),
            layer("RUN /bin/sh -c set -eu; \t{ \t\techo '[mysql-tools-community]'; \t\techo 'name=MySQL Tools Community'; \t\techo 'baseurl=https://repo.mysql.com/yum/mysql-tools-8.4-community/el/9/$basearch/'; \t\techo 'enabled=1'; \t\techo 'gpgcheck=1'; \t\techo 'gpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-mysql'; \t\techo 'module_hotfixes=true'; \t} | tee /etc/yum.repos.d/mysql-community-tools.repo # buildkit", 219),
            meta("ENV MYSQL_SHELL_VERSION=8.4.4-1.el9"),
            layer("RUN /bin/sh -c set -eux; \tmicrodnf install -y \"mysql-shell-$MYSQL_SHELL_VERSION\"; \tmicrodnf clean all; \t\tmysqlsh --version # buildkit", 116_869_702),
            meta("VOLUME [/var/lib/mysql]"),
            layer("COPY docker-entrypoint.sh /usr/local/bin/ # buildkit", 13_827),
            meta("ENTRYPOINT [\"docker-entrypoint.sh\"]"),
            meta("EXPOSE map[3306/tcp:{} 33060/tcp:{}]"),
            meta("CMD [\"mysqld\"]"),
        ],
    },
    HubImage {
        repo: "mysql",
        tags: &["8.0.41", "8.0", "8.0.41-oraclelinux9", "8.0-oraclelinux9", "8.0.41-oracle", "8.0-oracle"],
        description: "MySQL is a widely used, open-source relational database management system (RDBMS).",
        stars: 15_762,
        created: "2025-01-22T18:41:52Z",
        env: &[PATH, "GOSU_VERSION=1.17", "MYSQL_MAJOR=8.0", "MYSQL_VERSION=8.0.41-1.el9", "MYSQL_SHELL_VERSION=8.0.41-1.el9"],
        entrypoint: Some(&["docker-entrypoint.sh"]),
        cmd: Some(&["mysqld"]),
        exposed_ports: &["3306/tcp", "33060/tcp"],
        working_dir: "",
        user: "",
        volumes: &["/var/lib/mysql"],
        stop_signal: None,
        labels: &[],
        history: &[
            layer("ADD oraclelinux-9-slim-amd64-rootfs.tar.xz / # buildkit", 113_438_029),
            meta("CMD [\"/bin/bash\"]"),
            layer("RUN /bin/sh -c set -eux; \tgroupadd --system --gid 999 mysql; \tuseradd --system --uid 999 --gid 999 --home-dir /var/lib/mysql --no-create-home mysql # buildkit", 4_096),
            meta("ENV GOSU_VERSION=1.17"),
            layer("RUN /bin/sh -c set -eux; \tarch=\"$(uname -m)\"; \tcase \"$arch\" in \t\taarch64) gosuArch='arm64' ;; \t\tx86_64) gosuArch='amd64' ;; \t\t*) echo >&2 \"error: unsupported architecture: '$arch'\"; exit 1 ;; \tesac; \tcurl -fL -o /usr/local/bin/gosu.asc \"https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$gosuArch.asc\"; \tcurl -fL -o /usr/local/bin/gosu \"https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$gosuArch\"; \texport GNUPGHOME=\"$(mktemp -d)\"; \tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4; \tgpg --batch --verify /usr/local/bin/gosu.asc /usr/local/bin/gosu; \trm -rf \"$GNUPGHOME\" /usr/local/bin/gosu.asc; \tchmod +x /usr/local/bin/gosu; \tgosu --version; \tgosu nobody true # buildkit", 4_146_912),
            layer("RUN /bin/sh -c set -eux; \tmicrodnf install -y \t\tbzip2 \t\tgzip \t\topenssl \t\txz \t\tzstd \t\tfindutils \t; \tmicrodnf clean all # buildkit", 23_716_488),
            layer("RUN /bin/sh -c set -eux; \tkey='BCA4 3417 C3B4 85DD 128E C6D4 B7B3 B788 A8D3 785C'; \texport GNUPGHOME=\"$(mktemp -d)\"; \tgpg --batch --keyserver keyserver.ubuntu.com --recv-keys \"$key\"; \tgpg --batch --export --armor \"$key\" > /etc/pki/rpm-gpg/RPM-GPG-KEY-mysql; \trm -rf \"$GNUPGHOME\" # buildkit", 2_539),
            meta("ENV MYSQL_MAJOR=8.0"),
            meta("ENV MYSQL_VERSION=8.0.41-1.el9"),
            layer("RUN /bin/sh -c set -eu; \t{ \t\techo '[mysql8.0-server-minimal]'; \t\techo 'name=MySQL 8.0 Server Minimal'; \t\techo 'enabled=1'; \t\techo 'baseurl=https://repo.mysql.com/yum/mysql-8.0-community/docker/el/9/$basearch/'; \t\techo 'gpgcheck=1'; \t\techo 'gpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-mysql'; \t\techo 'module_hotfixes=true'; \t} | tee /etc/yum.repos.d/mysql-community-minimal.repo # buildkit", 195),
            layer("RUN /bin/sh -c set -eux; \tmicrodnf install -y \"mysql-community-server-minimal-$MYSQL_VERSION\"; \tmicrodnf clean all; \tgrep -F 'socket=/var/lib/mysql/mysql.sock' /etc/my.cnf; \tsed -i 's!^socket=.*!socket=/var/run/mysqld/mysqld.sock!' /etc/my.cnf; \tgrep -F 'socket=/var/run/mysqld/mysqld.sock' /etc/my.cnf; \t{ echo '[client]'; echo 'socket=/var/run/mysqld/mysqld.sock'; } >> /etc/my.cnf; \t\t! grep -F '!includedir' /etc/my.cnf; \t{ echo; echo '!includedir /etc/mysql/conf.d/'; } >> /etc/my.cnf; \tmkdir -p /etc/mysql/conf.d; \tmkdir -p /var/lib/mysql /var/run/mysqld; \tchown mysql:mysql /var/lib/mysql /var/run/mysqld; \tchmod 1777 /var/lib/mysql /var/run/mysqld; \t\tmkdir /docker-entrypoint-initdb.d; \t\tmysqld --version; \tmysql --version # buildkit", 344_551_283),
            layer("RUN /bin/sh -c set -eu; \t{ \t\techo '[mysql-tools-community]'; \t\techo 'name=MySQL Tools Community'; \t\techo 'baseurl=https://repo.mysql.com/yum/mysql-tools-community/el/9/$basearch/'; \t\techo 'enabled=1'; \t\techo 'gpgcheck=1'; \t\techo 'gpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-mysql'; \t\techo 'module_hotfixes=true'; \t} | tee /etc/yum.repos.d/mysql-community-tools.repo # buildkit", 219),
            meta("ENV MYSQL_SHELL_VERSION=8.0.41-1.el9"),
            layer("RUN /bin/sh -c set -eux; \tmicrodnf install -y \"mysql-shell-$MYSQL_SHELL_VERSION\"; \tmicrodnf clean all; \t\tmysqlsh --version # buildkit", 116_874_104),
            meta("VOLUME [/var/lib/mysql]"),
            layer("COPY docker-entrypoint.sh /usr/local/bin/ # buildkit", 13_827),
            layer("RUN /bin/sh -c ln -s usr/local/bin/docker-entrypoint.sh /entrypoint.sh # backwards compat # buildkit", 34),
            meta("ENTRYPOINT [\"docker-entrypoint.sh\"]"),
            meta("EXPOSE map[3306/tcp:{} 33060/tcp:{}]"),
            meta("CMD [\"mysqld\"]"),
        ],
    },
    HubImage {
        repo: "rabbitmq",
        tags: &["3.13.7", "3.13", "3", "latest"],
        description: "RabbitMQ is an open source multi-protocol messaging broker.",
        stars: 5_194,
        created: "2025-01-08T00:27:08Z",
        env: &["PATH=/opt/rabbitmq/sbin:/opt/erlang/bin:/opt/openssl/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "ERLANG_INSTALL_PATH_PREFIX=/opt/erlang", "OPENSSL_INSTALL_PATH_PREFIX=/opt/openssl", "RABBITMQ_DATA_DIR=/var/lib/rabbitmq", "RABBITMQ_VERSION=3.13.7", "RABBITMQ_PGP_KEY_ID=0x0A9AF2115F4687BD29803A206B73A36E6026DFCA", "RABBITMQ_HOME=/opt/rabbitmq", "HOME=/var/lib/rabbitmq", "LANG=C.UTF-8", "LANGUAGE=C.UTF-8", "LC_ALL=C.UTF-8"],
        entrypoint: Some(&["docker-entrypoint.sh"]),
        cmd: Some(&["rabbitmq-server"]),
        exposed_ports: &["15691/tcp", "15692/tcp", "25672/tcp", "4369/tcp", "5671/tcp", "5672/tcp"],
        working_dir: "",
        user: "",
        volumes: &["/var/lib/rabbitmq"],
        stop_signal: None,
        labels: &[("org.opencontainers.image.ref.name", "ubuntu"), ("org.opencontainers.image.version", "24.04")],
        history: &[
            classic_meta("/bin/sh -c #(nop)  ARG RELEASE"),
            classic_meta("/bin/sh -c #(nop)  ARG LAUNCHPAD_BUILD_ARCH"),
            classic_meta("/bin/sh -c #(nop)  LABEL org.opencontainers.image.ref.name=ubuntu"),
            classic_meta("/bin/sh -c #(nop)  LABEL org.opencontainers.image.version=24.04"),
            classic_layer("/bin/sh -c #(nop) ADD file:ad381af6910645960f002459bba0418ec8dd6c2c7e2369285ad0f24baa35f6f2 in / ", 78_118_302),
            classic_meta("/bin/sh -c #(nop)  CMD [\"/bin/bash\"]"),
            meta("ENV ERLANG_INSTALL_PATH_PREFIX=/opt/erlang"),
            meta("ENV OPENSSL_INSTALL_PATH_PREFIX=/opt/openssl"),
            layer("COPY /opt/erlang /opt/erlang # buildkit", 71_385_620),
            layer("COPY /opt/openssl /opt/openssl # buildkit", 8_911_020),
            meta("ENV PATH=/opt/erlang/bin:/opt/openssl/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
            meta("ENV RABBITMQ_DATA_DIR=/var/lib/rabbitmq"),
            layer("RUN /bin/sh -c set -eux; \tln -vsf /etc/ssl/certs /etc/ssl/private \"$OPENSSL_INSTALL_PATH_PREFIX/etc/ssl\"; \t\tldconfig; \tsed -i.ORIG -e \"/\\.include.*fips/ s!.*!.include $OPENSSL_INSTALL_PATH_PREFIX/etc/ssl/fipsmodule.cnf!\" \t\t-e '/# fips =/s/.*/fips = fips_sect/' \"$OPENSSL_INSTALL_PATH_PREFIX/etc/ssl/openssl.cnf\"; \tsed -i.ORIG -e '/^activate/s/^/#/' \"$OPENSSL_INSTALL_PATH_PREFIX/etc/ssl/fipsmodule.cnf\"; \t[ \"$(command -v openssl)\" = \"$OPENSSL_INSTALL_PATH_PREFIX/bin/openssl\" ]; \topenssl version; \topenssl version -d; \t\terl -noshell -eval 'ok = crypto:start(), ok = io:format(\"~p~n~n~p~n~n\", [crypto:supports(), ssl:versions()]), init:stop().'; \t\tgroupadd --gid 999 --system rabbitmq; \tuseradd --uid 999 --system --home-dir \"$RABBITMQ_DATA_DIR\" --gid rabbitmq rabbitmq; \tmkdir -p \"$RABBITMQ_DATA_DIR\" /etc/rabbitmq /etc/rabbitmq/conf.d /tmp/rabbitmq-ssl /var/log/rabbitmq; \tchown -fR rabbitmq:rabbitmq \"$RABBITMQ_DATA_DIR\" /etc/rabbitmq /etc/rabbitmq/conf.d /tmp/rabbitmq-ssl /var/log/rabbitmq; \tchmod 1777 \"$RABBITMQ_DATA_DIR\" /etc/rabbitmq /etc/rabbitmq/conf.d /tmp/rabbitmq-ssl /var/log/rabbitmq; \tln -sf \"$RABBITMQ_DATA_DIR/.erlang.cookie\" /root/.erlang.cookie # buildkit", 24_511),
            meta("ENV RABBITMQ_VERSION=3.13.7"),
            meta("ENV RABBITMQ_PGP_KEY_ID=0x0A9AF2115F4687BD29803A206B73A36E6026DFCA"),
            meta("ENV RABBITMQ_HOME=/opt/rabbitmq"),
            meta("ENV PATH=/opt/rabbitmq/sbin:/opt/erlang/bin:/opt/openssl/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
            layer("RUN /bin/sh -c set -eux; \texport DEBIAN_FRONTEND=noninteractive; \tapt-get update; \tapt-get install --yes --no-install-recommends \t\tca-certificates \t\tgosu \t\ttzdata \t; \tgosu nobody true; \t\tsavedAptMark=\"$(apt-mark showmanual)\"; \tapt-get install --yes --no-install-recommends \t\tgnupg \t\twget \t\txz-utils \t; \trm -rf /var/lib/apt/lists/*; \t\tRABBITMQ_SOURCE_URL=\"https://github.com/rabbitmq/rabbitmq-server/releases/download/v$RABBITMQ_VERSION/rabbitmq-server-generic-unix-latest-toolchain-$RABBITMQ_VERSION.tar.xz\"; \tRABBITMQ_PATH=\"/usr/local/src/rabbitmq-$RABBITMQ_VERSION\"; \t\twget --progress dot:giga --output-document \"$RABBITMQ_PATH.tar.xz.asc\" \"$RABBITMQ_SOURCE_URL.asc\"; \twget --progress dot:giga --output-document \"$RABBITMQ_PATH.tar.xz\" \"$RABBITMQ_SOURCE_URL\"; \t\texport GNUPGHOME=\"$(mktemp -d)\"; \tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys \"$RABBITMQ_PGP_KEY_ID\"; \tgpg --batch --verify \"$RABBITMQ_PATH.tar.xz.asc\" \"$RABBITMQ_PATH.tar.xz\"; \tgpgconf --kill all; \trm -rf \"$GNUPGHOME\"; \t\tmkdir -p \"$RABBITMQ_HOME\"; \ttar --extract --file \"$RABBITMQ_PATH.tar.xz\" --directory \"$RABBITMQ_HOME\" --strip-components 1; \trm -rf \"$RABBITMQ_PATH\"*; \tgrep -qE '^SYS_PREFIX=\\$\\{RABBITMQ_HOME\\}$' \"$RABBITMQ_HOME/sbin/rabbitmq-defaults\"; \tsed -i 's/^SYS_PREFIX=.*$/SYS_PREFIX=/' \"$RABBITMQ_HOME/sbin/rabbitmq-defaults\"; \tgrep -qE '^SYS_PREFIX=$' \"$RABBITMQ_HOME/sbin/rabbitmq-defaults\"; \tchown -R rabbitmq:rabbitmq \"$RABBITMQ_HOME\"; \t\tapt-mark auto '.*' > /dev/null; \tapt-mark manual $savedAptMark; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \t\t[ ! -e \"$RABBITMQ_DATA_DIR/.erlang.cookie\" ]; \tgosu rabbitmq rabbitmqctl help; \tgosu rabbitmq rabbitmqctl list_ciphers; \tgosu rabbitmq rabbitmq-plugins list; \trm \"$RABBITMQ_DATA_DIR/.erlang.cookie\" # buildkit", 53_384_211),
            layer("RUN /bin/sh -c gosu rabbitmq rabbitmq-plugins enable --offline rabbitmq_prometheus # buildkit", 28),
            layer("RUN /bin/sh -c ln -sf /opt/rabbitmq/plugins /plugins # buildkit", 21),
            meta("ENV HOME=/var/lib/rabbitmq"),
            meta("VOLUME [/var/lib/rabbitmq]"),
            meta("ENV LANG=C.UTF-8 LANGUAGE=C.UTF-8 LC_ALL=C.UTF-8"),
            layer("COPY --chown=rabbitmq:rabbitmq 10-defaults.conf 20-management_agent.disable_metrics_collector.conf /etc/rabbitmq/conf.d/ # buildkit", 642),
            layer("COPY docker-entrypoint.sh /usr/local/bin/ # buildkit", 1_365),
            meta("ENTRYPOINT [\"docker-entrypoint.sh\"]"),
            meta("EXPOSE map[15691/tcp:{} 15692/tcp:{} 25672/tcp:{} 4369/tcp:{} 5671/tcp:{} 5672/tcp:{}]"),
            meta("CMD [\"rabbitmq-server\"]"),
        ],
    },
    HubImage {
        repo: "rabbitmq",
        tags: &["3.13.7-management", "3.13-management", "3-management", "management"],
        description: "RabbitMQ is an open source multi-protocol messaging broker.",
        stars: 5_194,
        created: "2025-01-08T00:31:42Z",
        env: &["PATH=/opt/rabbitmq/sbin:/opt/erlang/bin:/opt/openssl/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "ERLANG_INSTALL_PATH_PREFIX=/opt/erlang", "OPENSSL_INSTALL_PATH_PREFIX=/opt/openssl", "RABBITMQ_DATA_DIR=/var/lib/rabbitmq", "RABBITMQ_VERSION=3.13.7", "RABBITMQ_PGP_KEY_ID=0x0A9AF2115F4687BD29803A206B73A36E6026DFCA", "RABBITMQ_HOME=/opt/rabbitmq", "HOME=/var/lib/rabbitmq", "LANG=C.UTF-8", "LANGUAGE=C.UTF-8", "LC_ALL=C.UTF-8"],
        entrypoint: Some(&["docker-entrypoint.sh"]),
        cmd: Some(&["rabbitmq-server"]),
        exposed_ports: &["15671/tcp", "15672/tcp", "15691/tcp", "15692/tcp", "25672/tcp", "4369/tcp", "5671/tcp", "5672/tcp"],
        working_dir: "",
        user: "",
        volumes: &["/var/lib/rabbitmq"],
        stop_signal: None,
        labels: &[("org.opencontainers.image.ref.name", "ubuntu"), ("org.opencontainers.image.version", "24.04")],
        history: &[
            classic_meta("/bin/sh -c #(nop)  ARG RELEASE"),
            classic_meta("/bin/sh -c #(nop)  ARG LAUNCHPAD_BUILD_ARCH"),
            classic_meta("/bin/sh -c #(nop)  LABEL org.opencontainers.image.ref.name=ubuntu"),
            classic_meta("/bin/sh -c #(nop)  LABEL org.opencontainers.image.version=24.04"),
            classic_layer("/bin/sh -c #(nop) ADD file:ad381af6910645960f002459bba0418ec8dd6c2c7e2369285ad0f24baa35f6f2 in / ", 78_118_302),
            classic_meta("/bin/sh -c #(nop)  CMD [\"/bin/bash\"]"),
            meta("ENV ERLANG_INSTALL_PATH_PREFIX=/opt/erlang"),
            meta("ENV OPENSSL_INSTALL_PATH_PREFIX=/opt/openssl"),
            layer("COPY /opt/erlang /opt/erlang # buildkit", 71_385_620),
            layer("COPY /opt/openssl /opt/openssl # buildkit", 8_911_020),
            meta("ENV PATH=/opt/erlang/bin:/opt/openssl/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
            meta("ENV RABBITMQ_DATA_DIR=/var/lib/rabbitmq"),
            layer("RUN /bin/sh -c set -eux; \tln -vsf /etc/ssl/certs /etc/ssl/private \"$OPENSSL_INSTALL_PATH_PREFIX/etc/ssl\"; \t\tldconfig; \tsed -i.ORIG -e \"/\\.include.*fips/ s!.*!.include $OPENSSL_INSTALL_PATH_PREFIX/etc/ssl/fipsmodule.cnf!\" \t\t-e '/# fips =/s/.*/fips = fips_sect/' \"$OPENSSL_INSTALL_PATH_PREFIX/etc/ssl/openssl.cnf\"; \tsed -i.ORIG -e '/^activate/s/^/#/' \"$OPENSSL_INSTALL_PATH_PREFIX/etc/ssl/fipsmodule.cnf\"; \t[ \"$(command -v openssl)\" = \"$OPENSSL_INSTALL_PATH_PREFIX/bin/openssl\" ]; \topenssl version; \topenssl version -d; \t\terl -noshell -eval 'ok = crypto:start(), ok = io:format(\"~p~n~n~p~n~n\", [crypto:supports(), ssl:versions()]), init:stop().'; \t\tgroupadd --gid 999 --system rabbitmq; \tuseradd --uid 999 --system --home-dir \"$RABBITMQ_DATA_DIR\" --gid rabbitmq rabbitmq; \tmkdir -p \"$RABBITMQ_DATA_DIR\" /etc/rabbitmq /etc/rabbitmq/conf.d /tmp/rabbitmq-ssl /var/log/rabbitmq; \tchown -fR rabbitmq:rabbitmq \"$RABBITMQ_DATA_DIR\" /etc/rabbitmq /etc/rabbitmq/conf.d /tmp/rabbitmq-ssl /var/log/rabbitmq; \tchmod 1777 \"$RABBITMQ_DATA_DIR\" /etc/rabbitmq /etc/rabbitmq/conf.d /tmp/rabbitmq-ssl /var/log/rabbitmq; \tln -sf \"$RABBITMQ_DATA_DIR/.erlang.cookie\" /root/.erlang.cookie # buildkit", 24_511),
            meta("ENV RABBITMQ_VERSION=3.13.7"),
            meta("ENV RABBITMQ_PGP_KEY_ID=0x0A9AF2115F4687BD29803A206B73A36E6026DFCA"),
            meta("ENV RABBITMQ_HOME=/opt/rabbitmq"),
            meta("ENV PATH=/opt/rabbitmq/sbin:/opt/erlang/bin:/opt/openssl/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
            layer("RUN /bin/sh -c set -eux; \texport DEBIAN_FRONTEND=noninteractive; \tapt-get update; \tapt-get install --yes --no-install-recommends \t\tca-certificates \t\tgosu \t\ttzdata \t; \tgosu nobody true; \t\tsavedAptMark=\"$(apt-mark showmanual)\"; \tapt-get install --yes --no-install-recommends \t\tgnupg \t\twget \t\txz-utils \t; \trm -rf /var/lib/apt/lists/*; \t\tRABBITMQ_SOURCE_URL=\"https://github.com/rabbitmq/rabbitmq-server/releases/download/v$RABBITMQ_VERSION/rabbitmq-server-generic-unix-latest-toolchain-$RABBITMQ_VERSION.tar.xz\"; \tRABBITMQ_PATH=\"/usr/local/src/rabbitmq-$RABBITMQ_VERSION\"; \t\twget --progress dot:giga --output-document \"$RABBITMQ_PATH.tar.xz.asc\" \"$RABBITMQ_SOURCE_URL.asc\"; \twget --progress dot:giga --output-document \"$RABBITMQ_PATH.tar.xz\" \"$RABBITMQ_SOURCE_URL\"; \t\texport GNUPGHOME=\"$(mktemp -d)\"; \tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys \"$RABBITMQ_PGP_KEY_ID\"; \tgpg --batch --verify \"$RABBITMQ_PATH.tar.xz.asc\" \"$RABBITMQ_PATH.tar.xz\"; \tgpgconf --kill all; \trm -rf \"$GNUPGHOME\"; \t\tmkdir -p \"$RABBITMQ_HOME\"; \ttar --extract --file \"$RABBITMQ_PATH.tar.xz\" --directory \"$RABBITMQ_HOME\" --strip-components 1; \trm -rf \"$RABBITMQ_PATH\"*; \tgrep -qE '^SYS_PREFIX=\\$\\{RABBITMQ_HOME\\}$' \"$RABBITMQ_HOME/sbin/rabbitmq-defaults\"; \tsed -i 's/^SYS_PREFIX=.*$/SYS_PREFIX=/' \"$RABBITMQ_HOME/sbin/rabbitmq-defaults\"; \tgrep -qE '^SYS_PREFIX=$' \"$RABBITMQ_HOME/sbin/rabbitmq-defaults\"; \tchown -R rabbitmq:rabbitmq \"$RABBITMQ_HOME\"; \t\tapt-mark auto '.*' > /dev/null; \tapt-mark manual $savedAptMark; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \t\t[ ! -e \"$RABBITMQ_DATA_DIR/.erlang.cookie\" ]; \tgosu rabbitmq rabbitmqctl help; \tgosu rabbitmq rabbitmqctl list_ciphers; \tgosu rabbitmq rabbitmq-plugins list; \trm \"$RABBITMQ_DATA_DIR/.erlang.cookie\" # buildkit", 53_384_211),
            layer("RUN /bin/sh -c gosu rabbitmq rabbitmq-plugins enable --offline rabbitmq_prometheus # buildkit", 28),
            layer("RUN /bin/sh -c ln -sf /opt/rabbitmq/plugins /plugins # buildkit", 21),
            meta("ENV HOME=/var/lib/rabbitmq"),
            meta("VOLUME [/var/lib/rabbitmq]"),
            meta("ENV LANG=C.UTF-8 LANGUAGE=C.UTF-8 LC_ALL=C.UTF-8"),
            layer("COPY --chown=rabbitmq:rabbitmq 10-defaults.conf 20-management_agent.disable_metrics_collector.conf /etc/rabbitmq/conf.d/ # buildkit", 642),
            layer("COPY docker-entrypoint.sh /usr/local/bin/ # buildkit", 1_365),
            meta("ENTRYPOINT [\"docker-entrypoint.sh\"]"),
            meta("EXPOSE map[15691/tcp:{} 15692/tcp:{} 25672/tcp:{} 4369/tcp:{} 5671/tcp:{} 5672/tcp:{}]"),
            meta("CMD [\"rabbitmq-server\"]"),
            layer("RUN /bin/sh -c set -eux; \trabbitmq-plugins enable --offline rabbitmq_management; \trm -f /etc/rabbitmq/conf.d/20-management_agent.disable_metrics_collector.conf; \tcp /plugins/rabbitmq_management-*/priv/www/cli/rabbitmqadmin /usr/local/bin/rabbitmqadmin; \t[ -s /usr/local/bin/rabbitmqadmin ]; \tchmod +x /usr/local/bin/rabbitmqadmin; \tapt-get update; \tapt-get install -y --no-install-recommends python3; \trm -rf /var/lib/apt/lists/*; \trabbitmqadmin --version # buildkit", 29_812_414),
            meta("EXPOSE map[15671/tcp:{} 15672/tcp:{}]"),
        ],
    },
];

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::CATALOG;
    use crate::clock::Timestamp;
    use crate::format::units::human_size_precision;
    use crate::hub::{find, HubImage};

    fn size_of(repo: &str, tag: &str) -> Option<u64> {
        find(repo, tag).map(|img| img.to_image().size())
    }

    /// Go's `%q` of a string slice, as BuildKit writes CMD/ENTRYPOINT into the history.
    fn go_quoted(args: &[&str]) -> String {
        let quoted: Vec<String> = args.iter().map(|a| format!("{a:?}")).collect();
        format!("[{}]", quoted.join(" "))
    }

    #[test]
    fn every_entry_converts_to_an_image() {
        for entry in CATALOG {
            let image = entry.to_image();
            let layer_steps: Vec<u64> = entry.history.iter().filter(|s| s.layer).map(|s| s.size).collect();
            assert_eq!(image.layers.len(), layer_steps.len(), "{}:{:?}", entry.repo, entry.tags);
            assert_eq!(image.size(), layer_steps.iter().sum::<u64>(), "{}:{:?}", entry.repo, entry.tags);
            assert_eq!(image.history.len(), entry.history.len());
            assert!(!image.layers.is_empty(), "{}:{:?} has no layer", entry.repo, entry.tags);
            assert!(image.id.starts_with("sha256:") && image.id.len() == 71, "{}", image.id);
            assert_eq!(image.config.env.first().map(|e| e.starts_with("PATH=")), Some(true));
        }
    }

    #[test]
    fn image_ids_and_digests_differ_between_entries() {
        let ids: BTreeSet<String> = CATALOG.iter().map(|e| e.to_image().id).collect();
        assert_eq!(ids.len(), CATALOG.len());
        let digests: BTreeSet<String> = CATALOG.iter().map(|e| e.manifest_digest(&e.to_image())).collect();
        assert_eq!(digests.len(), CATALOG.len());
    }

    #[test]
    fn every_repo_tag_pair_is_unique_and_valid() {
        let mut seen = BTreeSet::new();
        for entry in CATALOG {
            assert!(!entry.tags.is_empty());
            for tag in entry.tags {
                assert!(seen.insert((entry.repo, *tag)), "{}:{} listed twice", entry.repo, tag);
                let valid = tag.len() <= 128
                    && tag.chars().next().is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
                    && tag.chars().all(|c| c.is_ascii_alphanumeric() || "_.-".contains(c));
                assert!(valid, "invalid tag {tag}");
            }
        }
        let repos: BTreeSet<&str> = CATALOG.iter().map(|e| e.repo).collect();
        for repo in repos {
            assert!(find(repo, "latest").is_some(), "{repo} has no latest tag");
        }
    }

    #[test]
    fn sizes_match_docker_hub() {
        // (repo, tag, size Docker Hub's image has in bytes, as `docker images` shows it)
        let targets: &[(&str, &str, f64, &str)] = &[
            ("hello-world", "latest", 13_256.0, "13.3kB"),
            ("alpine", "latest", 7.83e6, "7.83MB"),
            ("alpine", "3.20", 7.8e6, "7.8MB"),
            ("busybox", "latest", 4.27e6, "4.27MB"),
            ("ubuntu", "24.04", 78.1e6, "78.1MB"),
            ("ubuntu", "22.04", 77.9e6, "77.9MB"),
            ("ubuntu", "20.04", 72.8e6, "72.8MB"),
            ("debian", "bookworm", 117e6, "117MB"),
            ("debian", "bookworm-slim", 74.8e6, "74.8MB"),
            ("node", "20", 1.1e9, "1.1GB"),
            ("node", "16", 900e6, "909MB"),
            ("node", "16-alpine", 115e6, "115MB"),
            ("nginx", "1.27", 192e6, "192MB"),
            ("httpd", "2.4", 148e6, "148MB"),
            ("python", "3.12", 1.02e9, "1.02GB"),
            ("postgres", "16", 435e6, "435MB"),
            ("redis", "7", 117e6, "117MB"),
            ("mysql", "8", 590e6, "590MB"),
        ];
        for (repo, tag, target, shown) in targets {
            let size = size_of(repo, tag).map(|s| s as f64);
            let ratio = size.map(|s| s / target);
            assert!(ratio.is_some_and(|r| (0.97..=1.03).contains(&r)), "{repo}:{tag} is {size:?}, want ~{target}");
            assert_eq!(size.map(|s| human_size_precision(s, 3)).as_deref(), Some(*shown), "{repo}:{tag}");
        }
        // The multi-stage lesson compares these: the alpine variant is a small fraction of the full one.
        let full = size_of("node", "16").unwrap_or(0);
        let alpine = size_of("node", "16-alpine").unwrap_or(u64::MAX);
        assert!(alpine * 7 < full, "node:16-alpine {alpine} vs node:16 {full}");
    }

    #[test]
    fn find_resolves_tags_to_the_shared_entry() {
        let latest = find("nginx", "latest").map(HubImage::to_image);
        let pinned = find("nginx", "1.27.3").map(HubImage::to_image);
        assert!(latest.is_some());
        assert_eq!(latest.as_ref().map(|i| &i.id), pinned.as_ref().map(|i| &i.id));
        let env = latest.map(|i| i.config.env).unwrap_or_default();
        assert!(env.iter().any(|e| e == "NGINX_VERSION=1.27.3"), "{env:?}");
        assert_ne!(find("nginx", "alpine").map(|i| i.to_image().id), pinned.map(|i| i.id));
        assert!(find("nginx", "nosuchtag").is_none());
        assert!(find("nosuchrepo", "latest").is_none());
        assert_eq!(find("node", "latest").map(|i| i.tags.contains(&"20")), Some(true));
        assert_eq!(find("alpine", "latest").map(|i| i.tags.contains(&"3.21")), Some(true));
        assert_eq!(find("ubuntu", "latest").map(|i| i.tags.contains(&"noble")), Some(true));
    }

    #[test]
    fn runtime_config_of_well_known_images() {
        let nginx = find("nginx", "latest").map(HubImage::to_image).map(|i| i.config).unwrap_or_default();
        assert_eq!(nginx.entrypoint, Some(vec!["/docker-entrypoint.sh".to_string()]));
        assert_eq!(nginx.cmd, Some(vec!["nginx".to_string(), "-g".to_string(), "daemon off;".to_string()]));
        assert_eq!(nginx.exposed_ports, vec!["80/tcp".to_string()]);
        assert_eq!(nginx.stop_signal.as_deref(), Some("SIGQUIT"));

        let httpd = find("httpd", "2.4").map(HubImage::to_image).map(|i| i.config).unwrap_or_default();
        assert_eq!(httpd.cmd, Some(vec!["httpd-foreground".to_string()]));
        assert_eq!(httpd.stop_signal.as_deref(), Some("SIGWINCH"));
        assert_eq!(httpd.working_dir, "/usr/local/apache2");

        let postgres = find("postgres", "16").map(HubImage::to_image).map(|i| i.config).unwrap_or_default();
        assert_eq!(postgres.volumes, vec!["/var/lib/postgresql/data".to_string()]);
        assert_eq!(postgres.stop_signal.as_deref(), Some("SIGINT"));
        assert!(postgres.env.contains(&"PGDATA=/var/lib/postgresql/data".to_string()));

        let node = find("node", "16-alpine").map(HubImage::to_image).map(|i| i.config).unwrap_or_default();
        assert_eq!(node.entrypoint, Some(vec!["docker-entrypoint.sh".to_string()]));
        assert_eq!(node.cmd, Some(vec!["node".to_string()]));
        assert!(node.env.contains(&"NODE_VERSION=16.20.2".to_string()));

        let rabbit = find("rabbitmq", "3-management").map(HubImage::to_image).map(|i| i.config).unwrap_or_default();
        assert_eq!(rabbit.exposed_ports.len(), 8);
        assert!(rabbit.exposed_ports.contains(&"15672/tcp".to_string()));
    }

    /// The history tells the same story as the config: the last CMD/ENTRYPOINT/STOPSIGNAL steps are
    /// the configured ones, and BuildKit marks exactly its RUN/COPY/ADD steps with `# buildkit`.
    #[test]
    fn history_agrees_with_config() {
        for entry in CATALOG {
            let name = format!("{}:{}", entry.repo, entry.tags.first().copied().unwrap_or(""));
            let metadata = |prefix: &str| {
                entry.history.iter().rev().find_map(|s| {
                    let text = s.created_by.strip_prefix("/bin/sh -c #(nop)  ").unwrap_or(s.created_by);
                    text.strip_prefix(prefix)
                })
            };
            if let Some(cmd) = entry.cmd {
                if let Some(recorded) = metadata("CMD ") {
                    assert_eq!(recorded, go_quoted(cmd), "{name}");
                }
            }
            if let Some(entrypoint) = entry.entrypoint {
                assert_eq!(metadata("ENTRYPOINT "), Some(go_quoted(entrypoint).as_str()), "{name}");
            }
            assert_eq!(metadata("STOPSIGNAL "), entry.stop_signal, "{name}");
            for step in entry.history {
                assert!(!step.created_by.is_empty(), "{name}");
                if step.comment == "buildkit.dockerfile.v0" {
                    let is_fs = ["RUN ", "COPY ", "ADD "].iter().any(|p| step.created_by.starts_with(p));
                    assert_eq!(is_fs, step.created_by.ends_with(" # buildkit"), "{name}: {}", step.created_by);
                    assert_eq!(
                        step.layer,
                        is_fs || step.created_by.starts_with("WORKDIR "),
                        "{name}: {}",
                        step.created_by
                    );
                } else if step.comment.is_empty() && step.created_by.starts_with("/bin/sh -c #(nop)") {
                    assert_eq!(
                        step.layer,
                        step.created_by.contains(" ADD ") || step.created_by.contains(" COPY "),
                        "{name}"
                    );
                }
                if !step.layer {
                    assert_eq!(step.size, 0, "{name}");
                }
            }
            for port in entry.exposed_ports {
                assert!(port.ends_with("/tcp") || port.ends_with("/udp"), "{name}: {port}");
            }
            let mut sorted = entry.exposed_ports.to_vec();
            sorted.sort_unstable();
            assert_eq!(sorted, entry.exposed_ports, "{name}: ports in Docker's order");
        }
    }

    #[test]
    fn creation_dates_are_valid_and_in_the_past() {
        let course_start = Timestamp::parse_rfc3339("2025-11-15T00:00:00Z");
        let floor = Timestamp::parse_rfc3339("2023-01-01T00:00:00Z");
        for entry in CATALOG {
            let created = Timestamp::parse_rfc3339(entry.created);
            assert!(created.is_some(), "{}: {}", entry.repo, entry.created);
            assert!(created < course_start && created > floor, "{}: {}", entry.repo, entry.created);
        }
    }

    #[test]
    fn entries_built_on_the_same_base_share_its_layers() {
        let layers = |repo: &str, tag: &str| find(repo, tag).map(|i| i.to_image().layers).unwrap_or_default();
        let (node20, node18) = (layers("node", "20"), layers("node", "18"));
        assert_eq!(node20.get(..4), node18.get(..4));
        assert_ne!(node20.get(4), node18.get(4));
        let (rabbit, management) = (layers("rabbitmq", "3"), layers("rabbitmq", "3-management"));
        assert_eq!(management.get(..rabbit.len()), Some(rabbit.as_slice()));
        assert_ne!(layers("debian", "bookworm").first(), layers("debian", "bookworm-slim").first());
    }

    #[test]
    fn every_repository_has_one_search_description() {
        for entry in CATALOG {
            let first = CATALOG.iter().find(|e| e.repo == entry.repo);
            assert_eq!(first.map(|e| (e.description, e.stars)), Some((entry.description, entry.stars)));
            assert!(!entry.description.is_empty() && entry.stars > 0);
        }
    }
}
