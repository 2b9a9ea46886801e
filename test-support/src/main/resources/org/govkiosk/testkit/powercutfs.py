#!/usr/bin/python3
"""powercutfs: a FUSE filesystem that loses, at a power cut, what was never made durable (after LazyFS, which
Jepsen uses).

    powercutfs.py [--allow-other] [--linux-names] BACKING MOUNTPOINT
                                  (runs in the foreground until unmounted; Debian: python3-fusepy)

--allow-other lets other users use the mount (a database server that will not run as root); files keep the
owner of whoever made them, through cuts too.

--linux-names: an fsync of a file or directory also makes its own name (and its new parents' names) durable, as
ext4, XFS and btrfs do on Linux though POSIX does not promise it. PostgreSQL relies on it: it syncs a database's
new folder but not the folder that names it. Without this option powercutfs keeps to POSIX: a name is durable once
the directory holding it is synced, and not before.

Every call passes through to BACKING at once, so the programs on top see an ordinary filesystem. Beside it,
powercutfs keeps what a disk would still hold after the power went: each file's content as of its last
fsync/fdatasync, and each directory's entries (name to file) as of its last fsync of that directory. A file
created, renamed or unlinked is durable under its new name only once its directory is synced, as POSIX promises
and ext4 delivers; data written is durable only once its file is synced.

A power cut is `mkdir MOUNTPOINT/.powercut`: BACKING is rewritten to hold only what was durable, and every later
call on the mount fails with EIO, as a machine without power answers nothing. Unmount and mount again to "power
on". The cut happens between two calls of the programs on top (calls are served one at a time), which may be
anywhere in their work: between a write and its fsync, between a rename and the directory's sync.

Limits: hard links, extended attributes and file modes other than the permission bits are not modelled; a
directory's own durability follows its parent's entries like a file's.
"""
import errno
import os
import shutil
import stat
import sys

from fusepy import FUSE, FuseOSError, Operations, fuse_get_context

CUT = '/.powercut'


class Disk:
    """What would survive a power cut, by file identity (ours, not inode numbers, which the backing reuses)."""

    def __init__(self, backing, linux_names=False):
        self.backing = backing
        self.linux_names = linux_names
        self.next_id = 0
        self.live = {}        # path on the mount -> id, as the programs see it now
        self.kind = {}        # id -> 'd', 'f' or 'l'
        self.mode = {}        # id -> permission bits
        self.target = {}      # id -> symlink target
        self.owner = {}       # id -> (uid, gid)
        self.content = {}     # id -> bytes as of the file's last sync
        self.entries = {}     # id of a directory -> {name: id} as of its last sync
        self._scan('/')

    def new_id(self, path, kind, mode, target=None, owner=None):
        self.next_id += 1
        i = self.next_id
        self.live[path] = i
        self.kind[i] = kind
        self.mode[i] = stat.S_IMODE(mode)
        self.owner[i] = owner if owner is not None else (os.getuid(), os.getgid())
        if target is not None:
            self.target[i] = target
        return i

    def real(self, path):
        return os.path.join(self.backing, path.lstrip('/'))

    def _scan(self, path):
        """At mount, what the backing holds is durable (the disk as the power came back)."""
        st = os.lstat(self.real(path))
        kind = 'd' if stat.S_ISDIR(st.st_mode) else 'l' if stat.S_ISLNK(st.st_mode) else 'f'
        i = self.new_id(path, kind, st.st_mode, os.readlink(self.real(path)) if kind == 'l' else None,
                        (st.st_uid, st.st_gid))
        if kind == 'f':
            with open(self.real(path), 'rb') as f:
                self.content[i] = f.read()
        elif kind == 'd':
            names = {}
            for name in sorted(os.listdir(self.real(path))):
                child = os.path.join(path, name)
                names[name] = self._scan(child)
            self.entries[i] = names
        return i

    def sync_name(self, path):
        """With --linux-names: what fsync of a new file or folder also does on ext4: its name becomes durable."""
        if not self.linux_names:
            return
        while path != '/':
            parent = os.path.dirname(path)
            i, names = self.live[path], self.entries.setdefault(self.live[parent], {})
            if names.get(os.path.basename(path)) == i:
                return
            for name in [n for n, j in names.items() if j == i]:
                del names[name]  # renamed within the folder: the journal commits the rename as a whole
            names[os.path.basename(path)] = i
            path = parent

    def sync_file(self, i, fd):
        # The program's descriptor may be write-only: read the same file (renamed or not) through /proc.
        rd = os.open('/proc/self/fd/%d' % fd, os.O_RDONLY)
        try:
            size = os.fstat(rd).st_size
            self.content[i] = os.pread(rd, size, 0) if size else b''
        finally:
            os.close(rd)

    def sync_dir(self, path):
        i = self.live[path]
        self.entries[i] = {name: self.live[os.path.join(path, name)]
                           for name in os.listdir(self.real(path))
                           if os.path.join(path, name) in self.live}

    def moved(self, old, new):
        """A rename: the moved file and, for a directory, everything under it, keep their identity."""
        for p in [p for p in self.live if p == old or p.startswith(old.rstrip('/') + '/')]:
            self.live[new + p[len(old):]] = self.live.pop(p)

    def removed(self, path):
        self.live.pop(path, None)

    def cut(self):
        """Rewrites the backing to what was durable: the root's synced entries, each with its synced content."""
        for name in os.listdir(self.backing):
            p = os.path.join(self.backing, name)
            if os.path.isdir(p) and not os.path.islink(p):
                shutil.rmtree(p)
            else:
                os.unlink(p)
        self._write(self.live['/'], self.backing)
        os.sync()

    def _write(self, dir_id, real_dir):
        for name, i in sorted(self.entries.get(dir_id, {}).items()):
            p = os.path.join(real_dir, name)
            if self.kind[i] == 'd':
                os.mkdir(p, self.mode[i] | 0o700)
                self._write(i, p)
            elif self.kind[i] == 'l':
                os.symlink(self.target[i], p)
            else:
                with open(p, 'wb') as f:
                    f.write(self.content.get(i, b''))
                os.chmod(p, self.mode[i])
            if os.geteuid() == 0:
                os.lchown(p, *self.owner[i])


class PowerCutFs(Operations):
    """Calls are served one at a time (nothreads), so a cut falls between two of them, never inside one."""

    def __init__(self, disk):
        self.disk = disk
        self.dead = False
        self.open_ids = {}    # backing descriptor -> file id

    def real(self, path):
        return self.disk.real(path)

    def caller(self, path):
        """A file made for another user is theirs, on the backing too (when we may give it away: as root)."""
        uid, gid, _ = fuse_get_context()
        if os.geteuid() == 0 and (uid, gid) != (0, 0):
            os.lchown(self.real(path), uid, gid)
            return uid, gid
        return os.getuid(), os.getgid()

    def __call__(self, op, *args):
        if self.dead:
            raise FuseOSError(errno.EIO)
        try:
            return super().__call__(op, *args)
        except OSError as e:
            raise FuseOSError(e.errno or errno.EIO)

    def getattr(self, path, fh=None):
        st = os.fstat(fh) if fh is not None else os.lstat(self.real(path))
        return {key: getattr(st, key) for key in ('st_mode', 'st_nlink', 'st_size', 'st_uid', 'st_gid',
                                                  'st_atime', 'st_mtime', 'st_ctime', 'st_ino')}

    def readdir(self, path, fh):
        return ['.', '..'] + os.listdir(self.real(path))

    def readlink(self, path):
        return os.readlink(self.real(path))

    def mkdir(self, path, mode):
        if path == CUT:
            self.disk.cut()
            self.dead = True
            sys.stderr.write('powercutfs: power cut\n')
            sys.stderr.flush()
            return 0
        os.mkdir(self.real(path), mode)
        i = self.disk.new_id(path, 'd', mode, owner=self.caller(path))
        self.disk.entries.setdefault(i, {})
        return 0

    def symlink(self, path, target):
        os.symlink(target, self.real(path))
        self.disk.new_id(path, 'l', 0o777, target, self.caller(path))
        return 0

    def unlink(self, path):
        os.unlink(self.real(path))
        self.disk.removed(path)
        return 0

    def rmdir(self, path):
        os.rmdir(self.real(path))
        self.disk.removed(path)
        return 0

    def rename(self, old, new):
        os.rename(self.real(old), self.real(new))
        self.disk.removed(new)
        self.disk.moved(old, new)
        return 0

    def link(self, target, source):
        raise FuseOSError(errno.EOPNOTSUPP)

    def chmod(self, path, mode):
        os.chmod(self.real(path), mode)
        self.disk.mode[self.disk.live[path]] = stat.S_IMODE(mode)
        return 0

    def chown(self, path, uid, gid):
        os.lchown(self.real(path), uid, gid)
        st = os.lstat(self.real(path))
        self.disk.owner[self.disk.live[path]] = (st.st_uid, st.st_gid)
        return 0

    def truncate(self, path, length, fh=None):
        if fh is not None:
            os.ftruncate(fh, length)
        else:
            os.truncate(self.real(path), length)
        return 0

    def utimens(self, path, times=None):
        os.utime(self.real(path), times)
        return 0

    def access(self, path, amode):
        if not os.access(self.real(path), amode):
            raise FuseOSError(errno.EACCES)
        return 0

    def statfs(self, path):
        st = os.statvfs(self.disk.backing)
        return {key: getattr(st, key) for key in ('f_bavail', 'f_bfree', 'f_blocks', 'f_bsize', 'f_favail',
                                                  'f_ffree', 'f_files', 'f_flag', 'f_frsize', 'f_namemax')}

    def open(self, path, flags):
        fd = os.open(self.real(path), flags)
        self.open_ids[fd] = self.disk.live[path]
        return fd

    def create(self, path, mode, fi=None):
        # Read and write whatever the program asked: the kernel reads through this descriptor too (a shared
        # mapping's page faults, as SQLite's WAL index makes them), and a write-only one would fail them.
        fd = os.open(self.real(path), os.O_RDWR | os.O_CREAT, mode)
        if path not in self.disk.live:
            self.disk.new_id(path, 'f', mode, owner=self.caller(path))
        self.open_ids[fd] = self.disk.live[path]
        return fd

    def read(self, path, size, offset, fh):
        return os.pread(fh, size, offset)

    def write(self, path, data, offset, fh):
        return os.pwrite(fh, data, offset)

    def flush(self, path, fh):
        return 0

    def fsync(self, path, datasync, fh):
        self.disk.sync_file(self.open_ids[fh], fh)
        if path in self.disk.live and self.disk.live[path] == self.open_ids[fh]:
            self.disk.sync_name(path)
        return 0

    def fsyncdir(self, path, datasync, fh):
        self.disk.sync_dir(path)
        self.disk.sync_name(path)
        return 0

    def release(self, path, fh):
        self.open_ids.pop(fh, None)
        os.close(fh)
        return 0


def main():
    args = sys.argv[1:]
    flags = [a for a in args if a.startswith('--')]
    args = [a for a in args if not a.startswith('--')]
    if len(args) != 2 or any(f not in ('--allow-other', '--linux-names') for f in flags):
        sys.stderr.write(__doc__)
        sys.exit(2)
    backing, mountpoint = os.path.abspath(args[0]), args[1]
    options = {'allow_other': True} if '--allow-other' in flags else {}
    FUSE(PowerCutFs(Disk(backing, '--linux-names' in flags)), mountpoint, foreground=True, nothreads=True,
         **options)


if __name__ == '__main__':
    main()
