# Sourced by scripts/with_services.sh and scripts/check.sh: `apt_install PACKAGE` installs a Debian
# package when this machine can do it unattended (root, or passwordless sudo, with apt-get), so that
# `make test` on a fresh Debian/Ubuntu machine needs no third command. It returns false otherwise.
apt_install() {
    command -v apt-get >/dev/null 2>&1 || return 1
    local sudo=""
    if [ "$(id -u)" != "0" ]; then
        sudo -n true 2>/dev/null || return 1
        sudo="sudo -n"
    fi
    echo "installing $1 with apt-get" >&2
    [ -n "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -print -quit 2>/dev/null)" ] \
        || $sudo apt-get update -qq >&2 || return 1
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$1" >/dev/null \
        || { $sudo apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$1" >/dev/null; }
}

