# cd and pwd.

### case: cd into a subdirectory and back with ..
### oracle: both
mkdir -p a/b
cd a/b
pwd | sed 's|.*/\(a/b\)$|\1|'
cd ../..
[ -d a ] && echo back-at-top
### stdout:
a/b
back-at-top
### status: 0
### end

### case: cd to a missing directory fails with status 1
### oracle: both
cd nowhere 2>/dev/null || echo failed
(cd nowhere) 2>&1 | grep -c nowhere
### stdout:
failed
1
### status: 0
### end

### case: cd to a file fails
### oracle: both
touch f
cd f 2>/dev/null || echo "not a directory"
### stdout:
not a directory
### status: 0
### end

### case: cd - goes to OLDPWD and prints it
### oracle: both
mkdir x y
top=$PWD
cd x; cd ../y
cd - | sed "s|^$top|TOP|"
pwd | sed "s|^$top|TOP|"
### stdout:
TOP/x
TOP/y
### status: 0
### end

### case: cd -L keeps the symlink in PWD, cd -P resolves it
### oracle: both
mkdir real
ln -s real link
cd -L link
echo "${PWD##*/}"
pwd | sed 's|.*/||'
pwd -P | sed 's|.*/||'
cd ..
cd -P link
echo "${PWD##*/}"
### stdout:
link
link
real
real
### status: 0
### end

### case: cd .. after a symlink goes back logically
### oracle: both
mkdir -p real/sub
ln -s real/sub link
top=$PWD
cd link
cd ..
[ "$PWD" = "$top" ] && echo logical-parent
cd -P link/..
pwd | sed 's|.*/||'
### stdout:
logical-parent
real
### status: 0
### end

### case: CDPATH is searched and the new directory printed
### oracle: both
mkdir -p base/target
top=$PWD
CDPATH=$top/base
cd target | sed "s|^$top|TOP|"
cd target >/dev/null
pwd | sed "s|^$top|TOP|"
### stdout:
TOP/base/target
TOP/base/target
### status: 0
### end

### case: CDPATH is not used for paths starting with ./
### oracle: both
mkdir -p base/target
CDPATH=$PWD/base
cd ./target 2>/dev/null || echo "not found via ./"
### stdout:
not found via ./
### status: 0
### end

### case: cd with no arguments goes HOME
### oracle: both
mkdir home
HOME=$PWD/home
cd
pwd | sed 's|.*/||'
### stdout:
home
### status: 0
### end

### case: cd with an empty HOME or unset HOME (bash: fails)
### oracle: bash
unset HOME
cd 2>/dev/null
echo $?
### stdout:
1
### status: 0
### end

### case: pwd -L and -P
### oracle: both
mkdir real; ln -s real link
cd link
pwd -L | sed 's|.*/||'
pwd -P | sed 's|.*/||'
### stdout:
link
real
### status: 0
### end

### case: PWD is updated and exported to children
### oracle: both
mkdir sub
cd sub
sh -c 'echo "${PWD##*/}"'
### stdout:
sub
### status: 0
### end

### case: OLDPWD is set after cd
### oracle: both
mkdir sub
top=$PWD
cd sub
[ "$OLDPWD" = "$top" ] && echo ok
### stdout:
ok
### status: 0
### end

### case: cd in a subshell and command substitution does not change the parent
### oracle: both
mkdir sub
top=$PWD
(cd sub)
x=$(cd sub; pwd)
[ "$PWD" = "$top" ] && echo unchanged
echo "${x##*/}"
### stdout:
unchanged
sub
### status: 0
### end

### case: cd with too many arguments fails (bash)
### oracle: bash
mkdir a b
cd a b 2>/dev/null
echo $?
### stdout:
1
### status: 0
### end

### case: cd . and cd with a trailing slash
### oracle: both
mkdir d
top=$PWD
cd .
[ "$PWD" = "$top" ] && echo same
cd d/
[ "$PWD" = "$top/d" ] && echo no-trailing-slash
### stdout:
same
no-trailing-slash
### status: 0
### end

### case: cd to a missing directory has status 1 (bash)
### oracle: bash
cd nowhere 2>/dev/null
echo $?
### stdout:
1
### status: 0
### end

### case: pushd, popd and dirs keep a directory stack topped by the current directory
### oracle: bash
cd /
popd; echo "popd empty $?"
pushd; echo "pushd alone $?"
pushd /tmp; pushd /usr
dirs -v
pushd; pwd
pushd +1; pwd
dirs -p
popd +1
popd; pwd
cd /etc; dirs
HOME=/tmp; pushd /tmp/.. >/dev/null; pushd /tmp >/dev/null; dirs; dirs -l; dirs +1; dirs -0
dirs -c; dirs
popd zzz; echo "bad $?"
pushd /nonexistent; echo "missing $?"
pushd . .; echo "two $?"
### stdout:
popd empty 1
pushd alone 1
/tmp /
/usr /tmp /
 0  /usr
 1  /tmp
 2  /
/tmp /usr /
/tmp
/usr / /tmp
/usr
/usr
/
/tmp
/usr /tmp
/tmp
/tmp
/etc
~ / /etc
/tmp / /etc
/
/etc
~
bad 2
missing 1
two 1
### status: 0
### end
