//! Installed-package databases of the base images (`/var/lib/dpkg/status`, `/lib/apk/db/installed`)
//! with the package versions those images shipped, and the packages later steps add.

/// A Debian/Ubuntu package: (name, source package or `""` when the same, version, description).
pub type Deb = (&'static str, &'static str, &'static str, &'static str);

/// An Alpine package: (name, origin, version, license, description).
pub type Apk = (&'static str, &'static str, &'static str, &'static str, &'static str);

pub const BOOKWORM: &[Deb] = &[
    ("adduser", "", "3.134", "add and remove users and groups"),
    ("apt", "", "2.6.1", "commandline package manager"),
    ("base-files", "", "12.4+deb12u9", "Debian base system miscellaneous files"),
    ("base-passwd", "", "3.6.1", "Debian base system master password and group files"),
    ("bash", "", "5.2.15-2+b7", "GNU Bourne Again SHell"),
    ("bsdutils", "util-linux", "1:2.38.1-5+deb12u3", "basic utilities from 4.4BSD-Lite"),
    ("coreutils", "", "9.1-1", "GNU core utilities"),
    ("dash", "", "0.5.12-2", "POSIX-compliant shell"),
    ("debconf", "", "1.5.82", "Debian configuration management system"),
    ("debian-archive-keyring", "", "2023.3+deb12u1", "GnuPG archive keys of the Debian archive"),
    ("debianutils", "", "5.7-0.5~deb12u1", "Miscellaneous utilities specific to Debian"),
    ("diffutils", "", "1:3.8-4", "File comparison utilities"),
    ("dpkg", "", "1.21.22", "Debian package management system"),
    ("e2fsprogs", "", "1.47.0-2", "ext2/ext3/ext4 file system utilities"),
    ("findutils", "", "4.9.0-4", "utilities for finding files--find, xargs"),
    ("gcc-12-base", "gcc-12", "12.2.0-14", "GCC, the GNU Compiler Collection (base package)"),
    ("gpgv", "gnupg2", "2.2.40-1.1", "GNU privacy guard - signature verification tool"),
    ("grep", "", "3.8-5", "GNU grep, egrep and fgrep"),
    ("gzip", "", "1.12-1", "GNU compression utilities"),
    ("hostname", "", "3.23+nmu1", "utility to set/show the host name or domain name"),
    ("init-system-helpers", "", "1.65.2", "helper tools for all init systems"),
    ("libacl1", "acl", "2.3.1-3", "access control list - shared library"),
    ("libapt-pkg6.0", "apt", "2.6.1", "package management runtime library"),
    ("libattr1", "attr", "1:2.5.1-4", "extended attribute handling - shared library"),
    ("libaudit1", "audit", "1:3.0.9-1", "Dynamic library for security auditing"),
    ("libblkid1", "util-linux", "2.38.1-5+deb12u3", "block device ID library"),
    ("libbz2-1.0", "bzip2", "1.0.8-5+b1", "high-quality block-sorting file compressor library - runtime"),
    ("libc-bin", "glibc", "2.36-9+deb12u9", "GNU C Library: Binaries"),
    ("libc6", "glibc", "2.36-9+deb12u9", "GNU C Library: Shared libraries"),
    ("libcap-ng0", "libcap-ng", "0.8.3-1+b3", "alternate POSIX capabilities library"),
    ("libcap2", "libcap2", "1:2.66-4", "POSIX 1003.1e capabilities (library)"),
    ("libcrypt1", "libxcrypt", "1:4.4.33-2", "libcrypt shared library"),
    ("libdb5.3", "db5.3", "5.3.28+dfsg2-1", "Berkeley v5.3 Database Libraries [runtime]"),
    ("libgcc-s1", "gcc-12", "12.2.0-14", "GCC support library"),
    ("libgcrypt20", "", "1.10.1-3", "LGPL Crypto library - runtime library"),
    ("libgmp10", "gmp", "2:6.2.1+dfsg1-1.1", "Multiprecision arithmetic library"),
    ("libgnutls30", "gnutls28", "3.7.9-2+deb12u3", "GNU TLS library - main runtime library"),
    ("libgpg-error0", "libgpg-error", "1.46-1", "GnuPG development runtime library"),
    ("liblz4-1", "lz4", "1.9.4-1", "Fast LZ compression algorithm library - runtime"),
    ("liblzma5", "xz-utils", "5.4.1-0.2", "XZ-format compression library"),
    ("libmd0", "libmd", "1.0.4-2", "message digest functions from BSD systems - shared library"),
    ("libmount1", "util-linux", "2.38.1-5+deb12u3", "device mounting library"),
    ("libpam-modules", "pam", "1.5.2-6+deb12u1", "Pluggable Authentication Modules for PAM"),
    ("libpam0g", "pam", "1.5.2-6+deb12u1", "Pluggable Authentication Modules library"),
    ("libpcre2-8-0", "pcre2", "10.42-1", "New Perl Compatible Regular Expression Library- 8 bit runtime files"),
    ("libselinux1", "libselinux", "3.4-1+b6", "SELinux runtime shared libraries"),
    ("libssl3", "openssl", "3.0.15-1~deb12u1", "Secure Sockets Layer toolkit - shared libraries"),
    ("libstdc++6", "gcc-12", "12.2.0-14", "GNU Standard C++ Library v3"),
    ("libsystemd0", "systemd", "252.33-1~deb12u1", "systemd utility library"),
    ("libtinfo6", "ncurses", "6.4-4", "shared low-level terminfo library for terminal handling"),
    ("libudev1", "systemd", "252.33-1~deb12u1", "libudev shared library"),
    ("libuuid1", "util-linux", "2.38.1-5+deb12u3", "Universally Unique ID library"),
    ("libzstd1", "libzstd", "1.5.4+dfsg2-5", "fast lossless compression algorithm"),
    ("login", "shadow", "1:4.13+dfsg1-1+b1", "system login tools"),
    ("mawk", "", "1.3.4.20200120-3.1", "Pattern scanning and text processing language"),
    ("mount", "util-linux", "2.38.1-5+deb12u3", "tools for mounting and manipulating filesystems"),
    ("ncurses-base", "ncurses", "6.4-4", "basic terminal type definitions"),
    ("passwd", "shadow", "1:4.13+dfsg1-1+b1", "change and administer password and group data"),
    ("perl-base", "perl", "5.36.0-7+deb12u1", "minimal Perl system"),
    ("sed", "", "4.9-1", "GNU stream editor for filtering/transforming text"),
    ("sysvinit-utils", "sysvinit", "3.06-4", "System-V-like utilities"),
    ("tar", "", "1.34+dfsg-1.2+deb12u1", "GNU version of the tar archiving utility"),
    ("tzdata", "", "2024b-0+deb12u1", "time zone and daylight-saving time data"),
    ("usr-is-merged", "usrmerge", "37~deb12u1", "Transitional package to assert a merged-/usr system"),
    ("util-linux", "", "2.38.1-5+deb12u3", "miscellaneous system utilities"),
    ("zlib1g", "zlib", "1:1.2.13.dfsg-1", "compression library - runtime"),
];

pub const BUSTER: &[Deb] = &[
    ("apt", "", "1.8.2.3", "commandline package manager"),
    ("base-files", "", "10.3+deb10u13", "Debian base system miscellaneous files"),
    ("bash", "", "5.0-4", "GNU Bourne Again SHell"),
    ("coreutils", "", "8.30-3", "GNU core utilities"),
    ("dash", "", "0.5.10.2-5", "POSIX-compliant shell"),
    ("dpkg", "", "1.19.8", "Debian package management system"),
    ("findutils", "", "4.6.0+git+20190209-2", "utilities for finding files--find, xargs"),
    ("grep", "", "3.3-1", "GNU grep, egrep and fgrep"),
    ("gzip", "", "1.9-3+deb10u1", "GNU compression utilities"),
    ("libc6", "glibc", "2.28-10+deb10u2", "GNU C Library: Shared libraries"),
    ("libssl1.1", "openssl", "1.1.1n-0+deb10u6", "Secure Sockets Layer toolkit - shared libraries"),
    ("libsystemd0", "systemd", "241-7~deb10u10", "systemd utility library"),
    ("login", "shadow", "1:4.5-1.1", "system login tools"),
    ("perl-base", "perl", "5.28.1-6+deb10u1", "minimal Perl system"),
    ("sed", "", "4.7-1", "GNU stream editor for filtering/transforming text"),
    ("tar", "", "1.30+dfsg-6", "GNU version of the tar archiving utility"),
    ("tzdata", "", "2024a-0+deb10u1", "time zone and daylight-saving time data"),
    ("util-linux", "", "2.33.1-0.1", "miscellaneous system utilities"),
    ("zlib1g", "zlib", "1:1.2.11.dfsg-1+deb10u2", "compression library - runtime"),
    // The rest of buster's base system (the scanner reads them).
    ("bsdutils", "util-linux", "1:2.33.1-0.1", "basic utilities from 4.4BSD-Lite"),
    ("fdisk", "util-linux", "2.33.1-0.1", "collection of partitioning utilities"),
    ("gcc-8-base", "gcc-8", "8.3.0-6", "GCC, the GNU Compiler Collection (base package)"),
    ("gpgv", "gnupg2", "2.2.12-1+deb10u2", "GNU privacy guard - signature verification tool"),
    ("libapt-pkg5.0", "apt", "1.8.2.3", "package management runtime library"),
    ("libblkid1", "util-linux", "2.33.1-0.1", "block device ID library"),
    ("libc-bin", "glibc", "2.28-10+deb10u2", "GNU C Library: Binaries"),
    ("libfdisk1", "util-linux", "2.33.1-0.1", "fdisk partitioning library"),
    ("libgcc1", "gcc-8", "1:8.3.0-6", "GCC support library"),
    ("libgcrypt20", "", "1.8.4-5+deb10u1", "LGPL Crypto library - runtime library"),
    ("libmount1", "util-linux", "2.33.1-0.1", "device mounting library"),
    ("libsmartcols1", "util-linux", "2.33.1-0.1", "smart column output alignment library"),
    ("libstdc++6", "gcc-8", "8.3.0-6", "GNU Standard C++ Library v3"),
    ("libudev1", "systemd", "241-7~deb10u10", "libudev shared library"),
    ("libuuid1", "util-linux", "2.33.1-0.1", "Universally Unique ID library"),
    ("mount", "util-linux", "2.33.1-0.1", "tools for mounting and manipulating filesystems"),
    ("passwd", "shadow", "1:4.5-1.1", "change and administer password and group data"),
];

pub const NOBLE: &[Deb] = &[
    ("apt", "", "2.7.14build2", "commandline package manager"),
    ("base-files", "", "13ubuntu10.1", "Debian base system miscellaneous files"),
    ("base-passwd", "", "3.6.3build1", "Debian base system master password and group files"),
    ("bash", "", "5.2.21-2ubuntu4", "GNU Bourne Again SHell"),
    ("bsdutils", "util-linux", "1:2.39.3-9ubuntu6.1", "basic utilities from 4.4BSD-Lite"),
    ("coreutils", "", "9.4-3ubuntu6", "GNU core utilities"),
    ("dash", "", "0.5.12-6ubuntu5", "POSIX-compliant shell"),
    ("debconf", "", "1.5.86ubuntu1", "Debian configuration management system"),
    ("debianutils", "", "5.17build1", "Miscellaneous utilities specific to Debian"),
    ("diffutils", "", "1:3.10-1build1", "File comparison utilities"),
    ("dpkg", "", "1.22.6ubuntu6.1", "Debian package management system"),
    ("findutils", "", "4.9.0-5build1", "utilities for finding files--find, xargs"),
    ("gcc-14-base", "gcc-14", "14-20240412-0ubuntu1", "GCC, the GNU Compiler Collection (base package)"),
    ("gpgv", "gnupg2", "2.4.4-2ubuntu17", "GNU privacy guard - signature verification tool"),
    ("grep", "", "3.11-4build1", "GNU grep, egrep and fgrep"),
    ("gzip", "", "1.12-1ubuntu3", "GNU compression utilities"),
    ("hostname", "", "3.23+nmu2ubuntu2", "utility to set/show the host name or domain name"),
    ("libc-bin", "glibc", "2.39-0ubuntu8.3", "GNU C Library: Binaries"),
    ("libc6", "glibc", "2.39-0ubuntu8.3", "GNU C Library: Shared libraries"),
    ("libgcc-s1", "gcc-14", "14-20240412-0ubuntu1", "GCC support library"),
    ("libgnutls30t64", "gnutls28", "3.8.3-1.1ubuntu3.2", "GNU TLS library - main runtime library"),
    ("liblzma5", "xz-utils", "5.6.1+really5.4.5-1build0.1", "XZ-format compression library"),
    ("libpam-modules", "pam", "1.5.3-5ubuntu5.1", "Pluggable Authentication Modules for PAM"),
    ("libselinux1", "libselinux", "3.5-2ubuntu2", "SELinux runtime shared libraries"),
    ("libssl3t64", "openssl", "3.0.13-0ubuntu3.4", "Secure Sockets Layer toolkit - shared libraries"),
    ("libstdc++6", "gcc-14", "14-20240412-0ubuntu1", "GNU Standard C++ Library v3"),
    ("libsystemd0", "systemd", "255.4-1ubuntu8.4", "systemd utility library"),
    ("libzstd1", "libzstd", "1.5.5+dfsg2-2build1.1", "fast lossless compression algorithm"),
    ("login", "shadow", "1:4.13+dfsg1-4ubuntu3.2", "system login tools"),
    ("mawk", "", "1.3.4.20240123-1build1", "Pattern scanning and text processing language"),
    ("ncurses-base", "ncurses", "6.4+20240113-1ubuntu2", "basic terminal type definitions"),
    ("passwd", "shadow", "1:4.13+dfsg1-4ubuntu3.2", "change and administer password and group data"),
    ("perl-base", "perl", "5.38.2-3.2build2", "minimal Perl system"),
    ("sed", "", "4.9-2build1", "GNU stream editor for filtering/transforming text"),
    ("tar", "", "1.35+dfsg-3build1", "GNU version of the tar archiving utility"),
    ("ubuntu-keyring", "", "2023.11.28.1", "GnuPG keys of the Ubuntu archive"),
    ("util-linux", "", "2.39.3-9ubuntu6.1", "miscellaneous system utilities"),
    ("zlib1g", "zlib", "1:1.3.dfsg-3.1ubuntu2.1", "compression library - runtime"),
];

pub const JAMMY: &[Deb] = &[
    ("apt", "", "2.4.13", "commandline package manager"),
    ("base-files", "", "12ubuntu4.6", "Debian base system miscellaneous files"),
    ("bash", "", "5.1-6ubuntu1.1", "GNU Bourne Again SHell"),
    ("coreutils", "", "8.32-4.1ubuntu1.2", "GNU core utilities"),
    ("dash", "", "0.5.11+git20210903+057cd650a4ed-3build1", "POSIX-compliant shell"),
    ("dpkg", "", "1.21.1ubuntu2.3", "Debian package management system"),
    ("findutils", "", "4.8.0-1ubuntu3", "utilities for finding files--find, xargs"),
    ("gcc-12-base", "gcc-12", "12.3.0-1ubuntu1~22.04", "GCC, the GNU Compiler Collection (base package)"),
    ("gpgv", "gnupg2", "2.2.27-3ubuntu2.1", "GNU privacy guard - signature verification tool"),
    ("grep", "", "3.7-1build1", "GNU grep, egrep and fgrep"),
    ("gzip", "", "1.10-4ubuntu4.1", "GNU compression utilities"),
    ("libc-bin", "glibc", "2.35-0ubuntu3.8", "GNU C Library: Binaries"),
    ("libc6", "glibc", "2.35-0ubuntu3.8", "GNU C Library: Shared libraries"),
    ("libcap2", "libcap2", "1:2.44-1ubuntu0.22.04.1", "POSIX 1003.1e capabilities (library)"),
    ("libgcc-s1", "gcc-12", "12.3.0-1ubuntu1~22.04", "GCC support library"),
    ("libgnutls30", "gnutls28", "3.7.3-4ubuntu1.5", "GNU TLS library - main runtime library"),
    ("liblzma5", "xz-utils", "5.2.5-2ubuntu1", "XZ-format compression library"),
    ("libpam-modules", "pam", "1.4.0-11ubuntu2.4", "Pluggable Authentication Modules for PAM"),
    ("libselinux1", "libselinux", "3.3-1build2", "SELinux runtime shared libraries"),
    ("libssl3", "openssl", "3.0.2-0ubuntu1.18", "Secure Sockets Layer toolkit - shared libraries"),
    ("libstdc++6", "gcc-12", "12.3.0-1ubuntu1~22.04", "GNU Standard C++ Library v3"),
    ("libsystemd0", "systemd", "249.11-0ubuntu3.12", "systemd utility library"),
    ("libzstd1", "libzstd", "1.4.8+dfsg-3build1", "fast lossless compression algorithm"),
    ("login", "shadow", "1:4.8.1-2ubuntu2.2", "system login tools"),
    ("mawk", "", "1.3.4.20200120-3", "Pattern scanning and text processing language"),
    ("ncurses-base", "ncurses", "6.3-2ubuntu0.1", "basic terminal type definitions"),
    ("passwd", "shadow", "1:4.8.1-2ubuntu2.2", "change and administer password and group data"),
    ("perl-base", "perl", "5.34.0-3ubuntu1.3", "minimal Perl system"),
    ("sed", "", "4.8-1ubuntu2", "GNU stream editor for filtering/transforming text"),
    ("tar", "", "1.34+dfsg-1ubuntu0.1.22.04.2", "GNU version of the tar archiving utility"),
    ("ubuntu-keyring", "", "2021.03.26", "GnuPG keys of the Ubuntu archive"),
    ("util-linux", "", "2.37.2-4ubuntu3.4", "miscellaneous system utilities"),
    ("zlib1g", "zlib", "1:1.2.11.dfsg-2ubuntu9.2", "compression library - runtime"),
];

pub const FOCAL: &[Deb] = &[
    ("apt", "", "2.0.10", "commandline package manager"),
    ("base-files", "", "11ubuntu5.8", "Debian base system miscellaneous files"),
    ("bash", "", "5.0-6ubuntu1.2", "GNU Bourne Again SHell"),
    ("coreutils", "", "8.30-3ubuntu2", "GNU core utilities"),
    ("dash", "", "0.5.10.2-6", "POSIX-compliant shell"),
    ("dpkg", "", "1.19.7ubuntu3.2", "Debian package management system"),
    ("findutils", "", "4.7.0-1ubuntu1", "utilities for finding files--find, xargs"),
    ("gcc-10-base", "gcc-10", "10.5.0-1ubuntu1~20.04", "GCC, the GNU Compiler Collection (base package)"),
    ("gpgv", "gnupg2", "2.2.19-3ubuntu2.2", "GNU privacy guard - signature verification tool"),
    ("grep", "", "3.4-1", "GNU grep, egrep and fgrep"),
    ("gzip", "", "1.10-0ubuntu4.1", "GNU compression utilities"),
    ("libc-bin", "glibc", "2.31-0ubuntu9.16", "GNU C Library: Binaries"),
    ("libc6", "glibc", "2.31-0ubuntu9.16", "GNU C Library: Shared libraries"),
    ("libcap2", "libcap2", "1:2.32-1ubuntu0.1", "POSIX 1003.1e capabilities (library)"),
    ("libgcc-s1", "gcc-10", "10.5.0-1ubuntu1~20.04", "GCC support library"),
    ("libgnutls30", "gnutls28", "3.6.13-2ubuntu1.11", "GNU TLS library - main runtime library"),
    ("liblzma5", "xz-utils", "5.2.4-1ubuntu1.1", "XZ-format compression library"),
    ("libpam-modules", "pam", "1.3.1-5ubuntu4.7", "Pluggable Authentication Modules for PAM"),
    ("libselinux1", "libselinux", "3.0-1build2", "SELinux runtime shared libraries"),
    ("libssl1.1", "openssl", "1.1.1f-1ubuntu2.23", "Secure Sockets Layer toolkit - shared libraries"),
    ("libstdc++6", "gcc-10", "10.5.0-1ubuntu1~20.04", "GNU Standard C++ Library v3"),
    ("libsystemd0", "systemd", "245.4-4ubuntu3.24", "systemd utility library"),
    ("libzstd1", "libzstd", "1.4.4+dfsg-3ubuntu0.1", "fast lossless compression algorithm"),
    ("login", "shadow", "1:4.8.1-1ubuntu5.20.04.5", "system login tools"),
    ("mawk", "", "1.3.4.20200120-2", "Pattern scanning and text processing language"),
    ("ncurses-base", "ncurses", "6.2-0ubuntu2.1", "basic terminal type definitions"),
    ("passwd", "shadow", "1:4.8.1-1ubuntu5.20.04.5", "change and administer password and group data"),
    ("perl-base", "perl", "5.30.0-9ubuntu0.5", "minimal Perl system"),
    ("sed", "", "4.7-1", "GNU stream editor for filtering/transforming text"),
    ("tar", "", "1.30+dfsg-7ubuntu0.20.04.4", "GNU version of the tar archiving utility"),
    ("ubuntu-keyring", "", "2020.02.11.4", "GnuPG keys of the Ubuntu archive"),
    ("util-linux", "", "2.34-0.1ubuntu9.6", "miscellaneous system utilities"),
    ("zlib1g", "zlib", "1:1.2.11.dfsg-2ubuntu1.5", "compression library - runtime"),
];

/// What the buildpack-deps `curl` step installs on bookworm.
pub const BOOKWORM_CURL: &[Deb] = &[
    ("ca-certificates", "", "20230311", "Common CA certificates"),
    ("curl", "", "7.88.1-10+deb12u8", "command line tool for transferring data with URL syntax"),
    ("gnupg", "gnupg2", "2.2.40-1.1", "GNU privacy guard - a free PGP replacement"),
    ("libcurl4", "curl", "7.88.1-10+deb12u8", "easy-to-use client-side URL transfer library (OpenSSL flavour)"),
    ("netbase", "", "6.4", "Basic TCP/IP networking system"),
    ("openssl", "", "3.0.15-1~deb12u1", "Secure Sockets Layer toolkit - cryptographic utility"),
    ("sq", "rust-sequoia-sq", "0.27.0-2+b1", "OpenPGP command-line tool from Sequoia"),
    ("wget", "", "1.21.3-1+b2", "retrieves files from the web"),
];

/// What the buildpack-deps `scm` step installs on bookworm.
pub const BOOKWORM_SCM: &[Deb] = &[
    ("git", "", "1:2.39.5-0+deb12u1", "fast, scalable, distributed revision control system"),
    ("mercurial", "", "6.3.2-1+deb12u1", "easy-to-use, scalable distributed version control system"),
    ("openssh-client", "openssh", "1:9.2p1-2+deb12u4", "secure shell (SSH) client"),
    ("procps", "", "2:4.0.2-3", "/proc file system utilities"),
    ("subversion", "", "1.14.2-4+b2", "Advanced version control system"),
];

/// A selection of what the full buildpack-deps step installs on bookworm.
pub const BOOKWORM_DEV: &[Deb] = &[
    ("autoconf", "", "2.71-3", "automatic configure script builder"),
    ("automake", "", "1:1.16.5-1.3", "Tool for generating GNU Standards-compliant Makefiles"),
    ("bzip2", "", "1.0.8-5+b1", "high-quality block-sorting file compressor - utilities"),
    ("dpkg-dev", "dpkg", "1.21.22", "Debian package development tools"),
    ("file", "", "1:5.44-3", "Recognize the type of data in a file using \"magic\" numbers"),
    ("g++", "gcc-defaults", "4:12.2.0-3", "GNU C++ compiler"),
    ("gcc", "gcc-defaults", "4:12.2.0-3", "GNU C compiler"),
    ("imagemagick", "imagemagick", "8:6.9.11.60+dfsg-1.6+deb12u2", "image manipulation programs -- binaries"),
    ("libc6-dev", "glibc", "2.36-9+deb12u9", "GNU C Library: Development Libraries and Header Files"),
    ("libcurl4-openssl-dev", "curl", "7.88.1-10+deb12u8", "development files and documentation for libcurl (OpenSSL flavour)"),
    ("libffi-dev", "libffi", "3.4.4-1", "Foreign Function Interface library (development files)"),
    ("libpq-dev", "postgresql-15", "15.10-0+deb12u1", "header files for libpq5 (PostgreSQL library)"),
    ("libsqlite3-dev", "sqlite3", "3.40.1-2+deb12u1", "SQLite 3 development files"),
    ("libssl-dev", "openssl", "3.0.15-1~deb12u1", "Secure Sockets Layer toolkit - development files"),
    ("libxml2-dev", "libxml2", "2.9.14+dfsg-1.3~deb12u1", "GNOME XML library - development files"),
    ("libyaml-dev", "libyaml", "0.2.5-1", "Fast YAML 1.1 parser and emitter library (development)"),
    ("make", "make-dfsg", "4.3-4.1", "utility for directing compilation"),
    ("patch", "", "2.7.6-7", "Apply a diff file to an original"),
    ("unzip", "", "6.0-28", "De-archiver for .zip files"),
    ("xz-utils", "", "5.4.1-0.2", "XZ-format compression utilities"),
    ("zlib1g-dev", "zlib", "1:1.2.13.dfsg-1", "compression library - development"),
];

/// nginx's packages from nginx.org on bookworm.
pub const NGINX_DEB: &[Deb] = &[
    ("gettext-base", "gettext", "0.21-12", "GNU Internationalization utilities for the base system"),
    ("nginx", "", "1.27.3-1~bookworm", "high performance web server"),
    ("nginx-module-geoip", "nginx", "1.27.3-1~bookworm", "nginx GeoIP dynamic modules"),
    ("nginx-module-image-filter", "nginx", "1.27.3-1~bookworm", "nginx image filter dynamic module"),
    ("nginx-module-njs", "", "1.27.3+0.8.8-1~bookworm", "nginx njs dynamic modules"),
    ("nginx-module-xslt", "nginx", "1.27.3-1~bookworm", "nginx xslt dynamic module"),
    ("curl", "", "7.88.1-10+deb12u8", "command line tool for transferring data with URL syntax"),
    ("ca-certificates", "", "20230311", "Common CA certificates"),
];

pub const ALPINE_3_21: &[Apk] = &[
    ("alpine-baselayout", "alpine-baselayout", "3.6.8-r1", "GPL-2.0-only", "Alpine base dir structure and init scripts"),
    ("alpine-baselayout-data", "alpine-baselayout", "3.6.8-r1", "GPL-2.0-only", "Alpine base dir structure and init scripts"),
    ("alpine-keys", "alpine-keys", "2.5-r0", "MIT", "Public keys for Alpine Linux packages"),
    ("alpine-release", "alpine-base", "3.21.2-r0", "MIT", "Alpine release data"),
    ("apk-tools", "apk-tools", "2.14.6-r2", "GPL-2.0-only", "Alpine Package Keeper - package manager for alpine"),
    ("busybox", "busybox", "1.37.0-r9", "GPL-2.0-only", "Size optimized toolbox of many common UNIX utilities"),
    ("busybox-binsh", "busybox", "1.37.0-r9", "GPL-2.0-only", "busybox ash /bin/sh"),
    ("ca-certificates-bundle", "ca-certificates", "20241121-r1", "MPL-2.0 AND MIT", "Pre generated bundle of Mozilla certificates"),
    ("libcrypto3", "openssl", "3.3.2-r4", "Apache-2.0", "Crypto library from openssl"),
    ("libssl3", "openssl", "3.3.2-r4", "Apache-2.0", "SSL shared libraries"),
    ("musl", "musl", "1.2.5-r8", "MIT", "the musl c library (libc) implementation"),
    ("musl-utils", "musl", "1.2.5-r8", "MIT AND BSD-2-Clause AND GPL-2.0-or-later", "the musl c library (libc) implementation"),
    ("scanelf", "pax-utils", "1.3.8-r1", "GPL-2.0-only", "Scan ELF binaries for stuff"),
    ("ssl_client", "busybox", "1.37.0-r9", "GPL-2.0-only", "EXternal ssl_client for busybox wget"),
    ("zlib", "zlib", "1.3.1-r2", "Zlib", "A compression/decompression Library"),
];

pub const ALPINE_3_20: &[Apk] = &[
    ("alpine-baselayout", "alpine-baselayout", "3.6.5-r0", "GPL-2.0-only", "Alpine base dir structure and init scripts"),
    ("alpine-baselayout-data", "alpine-baselayout", "3.6.5-r0", "GPL-2.0-only", "Alpine base dir structure and init scripts"),
    ("alpine-keys", "alpine-keys", "2.4-r1", "MIT", "Public keys for Alpine Linux packages"),
    ("alpine-release", "alpine-base", "3.20.5-r0", "MIT", "Alpine release data"),
    ("apk-tools", "apk-tools", "2.14.4-r1", "GPL-2.0-only", "Alpine Package Keeper - package manager for alpine"),
    ("busybox", "busybox", "1.36.1-r29", "GPL-2.0-only", "Size optimized toolbox of many common UNIX utilities"),
    ("busybox-binsh", "busybox", "1.36.1-r29", "GPL-2.0-only", "busybox ash /bin/sh"),
    ("ca-certificates-bundle", "ca-certificates", "20241121-r1", "MPL-2.0 AND MIT", "Pre generated bundle of Mozilla certificates"),
    ("libcrypto3", "openssl", "3.3.2-r1", "Apache-2.0", "Crypto library from openssl"),
    ("libssl3", "openssl", "3.3.2-r1", "Apache-2.0", "SSL shared libraries"),
    ("musl", "musl", "1.2.5-r0", "MIT", "the musl c library (libc) implementation"),
    ("musl-utils", "musl", "1.2.5-r0", "MIT AND BSD-2-Clause AND GPL-2.0-or-later", "the musl c library (libc) implementation"),
    ("scanelf", "pax-utils", "1.3.7-r2", "GPL-2.0-only", "Scan ELF binaries for stuff"),
    ("ssl_client", "busybox", "1.36.1-r29", "GPL-2.0-only", "EXternal ssl_client for busybox wget"),
    ("zlib", "zlib", "1.3.1-r1", "Zlib", "A compression/decompression Library"),
];

pub const ALPINE_3_18: &[Apk] = &[
    ("alpine-baselayout", "alpine-baselayout", "3.4.3-r1", "GPL-2.0-only", "Alpine base dir structure and init scripts"),
    ("alpine-keys", "alpine-keys", "2.4-r1", "MIT", "Public keys for Alpine Linux packages"),
    ("apk-tools", "apk-tools", "2.14.0-r2", "GPL-2.0-only", "Alpine Package Keeper - package manager for alpine"),
    ("busybox", "busybox", "1.36.1-r2", "GPL-2.0-only", "Size optimized toolbox of many common UNIX utilities"),
    ("libcrypto3", "openssl", "3.1.2-r0", "Apache-2.0", "Crypto library from openssl"),
    ("libssl3", "openssl", "3.1.2-r0", "Apache-2.0", "SSL shared libraries"),
    ("musl", "musl", "1.2.4-r1", "MIT", "the musl c library (libc) implementation"),
    ("zlib", "zlib", "1.2.13-r1", "Zlib", "A compression/decompression Library"),
];

/// Packages the nginx Alpine image adds.
pub const NGINX_APK: &[Apk] = &[
    ("nginx", "nginx", "1.27.3-r1", "BSD-2-Clause", "High performance web server"),
    ("pcre2", "pcre2", "10.43-r0", "BSD-3-Clause", "Perl-compatible regular expression library"),
    ("tzdata", "tzdata", "2024b-r0", "Public-Domain", "Timezone data"),
    ("curl", "curl", "8.11.1-r0", "curl", "URL retrieval utility and library"),
    ("libintl", "gettext", "0.22.5-r0", "LGPL-2.1-or-later", "GNU gettext runtime library"),
];

/// Packages the node Alpine images add.
pub const NODE_APK: &[Apk] = &[
    ("libgcc", "gcc", "14.2.0-r4", "GPL-2.0-or-later AND LGPL-2.1-or-later", "GNU C compiler runtime libraries"),
    ("libstdc++", "gcc", "14.2.0-r4", "GPL-2.0-or-later AND LGPL-2.1-or-later", "GNU C++ standard runtime library"),
];

/// A deterministic installed size in KiB for a package.
fn installed_kb(name: &str) -> u64 {
    let h = name.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    64 + h % 4_000
}

/// `/var/lib/dpkg/status` for these packages (sorted by name, as dpkg keeps it).
pub fn dpkg_status(sets: &[&[Deb]]) -> String {
    let mut all: Vec<&Deb> = sets.iter().flat_map(|s| s.iter()).collect();
    crate::sort::sort_by_key(&mut all, |p| p.0);
    all.dedup_by_key(|p| p.0);
    let mut out = String::new();
    for (name, source, version, description) in all {
        let essential = matches!(*name, "base-files" | "bash" | "coreutils" | "dash" | "dpkg" | "grep" | "gzip" | "sed" | "tar" | "util-linux" | "login" | "perl-base");
        out.push_str(&format!("Package: {name}\nStatus: install ok installed\n"));
        if essential {
            out.push_str("Essential: yes\n");
        }
        out.push_str(&format!(
            "Priority: {}\nInstalled-Size: {}\nArchitecture: {}\n",
            if essential { "required" } else { "optional" },
            installed_kb(name),
            if name.ends_with("-base") || *name == "ca-certificates" || *name == "tzdata" { "all" } else { "amd64" }
        ));
        if !source.is_empty() {
            out.push_str(&format!("Source: {source}\n"));
        }
        out.push_str(&format!("Version: {version}\nDescription: {description}\n\n"));
    }
    out
}

/// `/lib/apk/db/installed` for these packages (in install order).
pub fn apk_installed(sets: &[&[Apk]]) -> String {
    let mut out = String::new();
    for (name, origin, version, license, description) in sets.iter().flat_map(|s| s.iter()) {
        out.push_str(&format!(
            "P:{name}\nV:{version}\nA:x86_64\nS:{}\nI:{}\nT:{description}\nL:{license}\no:{origin}\n\n",
            installed_kb(name) * 300,
            installed_kb(name) * 1024
        ));
    }
    out
}

/// `/etc/apk/world`: the explicitly installed package names.
pub fn apk_world(sets: &[&[Apk]]) -> String {
    let mut names: Vec<&str> = sets.iter().flat_map(|s| s.iter()).map(|p| p.0).filter(|n| !n.ends_with("-data")).collect();
    crate::sort::sort(&mut names);
    names.iter().map(|n| format!("{n}\n")).collect()
}

/// Newer versions the distributions' archives held at the scanner database's date (February
/// 2025): what `apt-get upgrade` and `apk upgrade` install. (release, package, version); the
/// release is a Debian codename or an Alpine `major.minor`.
pub const UPDATES: &[(&str, &str, &str)] = &[
    ("bookworm", "libgnutls30", "3.7.9-2+deb12u4"),
    ("3.20", "busybox", "1.36.1-r30"),
    ("3.20", "busybox-binsh", "1.36.1-r30"),
    ("3.20", "ssl_client", "1.36.1-r30"),
];

/// Applies [`UPDATES`] of `release` to a package database (dpkg's status or apk's installed
/// file): the new text and the upgrades made, as (package, old version, new version).
pub fn upgrade_db(text: &str, release: &str) -> (String, Vec<(String, String, String)>) {
    let mut changed = Vec::new();
    let mut out = String::with_capacity(text.len());
    let mut current: Option<&str> = None;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        if body.is_empty() {
            current = None;
        } else if let Some(name) = body.strip_prefix("Package: ").or_else(|| body.strip_prefix("P:")) {
            current = Some(name);
        }
        let version = body.strip_prefix("Version: ").map(|v| ("Version: ", v)).or_else(|| body.strip_prefix("V:").map(|v| ("V:", v)));
        let update = current.and_then(|name| UPDATES.iter().find(|(r, p, _)| *r == release && *p == name));
        match (version, update) {
            (Some((prefix, old)), Some((_, name, new))) if old != *new => {
                changed.push(((*name).to_string(), old.to_string(), (*new).to_string()));
                out.push_str(&format!("{prefix}{new}\n"));
            }
            _ => out.push_str(line),
        }
    }
    (out, changed)
}

#[cfg(test)]
mod upgrade_tests {
    use super::*;

    #[test]
    fn upgrades_replace_versions_of_the_release_only() {
        let status = dpkg_status(&[BOOKWORM]);
        let (after, changed) = upgrade_db(&status, "bookworm");
        assert_eq!(changed, vec![("libgnutls30".to_string(), "3.7.9-2+deb12u3".to_string(), "3.7.9-2+deb12u4".to_string())]);
        assert!(after.contains("Package: libgnutls30\n") && after.contains("Version: 3.7.9-2+deb12u4\n"));
        assert_eq!(after.len(), status.len());
        assert!(upgrade_db(&status, "buster").1.is_empty());
        let (_, apk) = upgrade_db(&apk_installed(&[ALPINE_3_20]), "3.20");
        assert_eq!(apk.len(), 3);
    }
}
