# Values are bytes; characters are the locale's (docs/bytes.md). The cases run with
# LC_ALL=C and set the locale they need themselves: an assignment to LC_ALL, LC_CTYPE or
# LANG takes effect for the commands after it, as in bash.

### case: characters under C.UTF-8: length, substring, case, ?, classes
### oracle: bash
LC_ALL=C.UTF-8
x='héllo wörld'
echo "${#x} ${x:1:3} ${x^^} ${x,,} ${x^}"
case $x in h?llo*) echo match-one ;; *) echo no ;; esac
[[ é == [[:alpha:]] ]] && echo alpha || echo not-alpha
[[ é == ? ]] && echo one-char || echo not-one
### stdout:
11 éll HÉLLO WÖRLD héllo wörld Héllo wörld
match-one
alpha
one-char
### status: 0
### end

### case: bytes under C: length, substring, case, ?, classes
### oracle: bash
x='héllo wörld'
echo "${#x} ${x:1:3} ${x^^}" | od -An -tx1
case $x in h?llo*) echo match-one ;; h??llo*) echo match-two ;; esac
[[ é == [[:alpha:]] ]] && echo alpha || echo not-alpha
[[ é == ?? ]] && echo two-bytes || echo not-two
### stdout:
 31 33 20 c3 a9 6c 20 48 c3 a9 4c 4c 4f 20 57 c3
 b6 52 4c 44 0a
match-two
not-alpha
two-bytes
### status: 0
### end

### case: read -n counts characters under C.UTF-8 and bytes under C
### oracle: bash
LC_ALL=C.UTF-8
printf 'éüx\n' | { read -n 2 c; echo "[$c]"; }
LC_ALL=C
printf 'éüx\n' | { read -n 2 c; echo "[$c]"; }
### stdout:
[éü]
[é]
### status: 0
### end

### case: a byte that is not UTF-8 counts as one character
### oracle: bash
LC_ALL=C.UTF-8
y=$'\xe9\xe9'; z=$'a\xc3\xa9\xc3'
echo "${#y} ${#z}"
printf '%s' "${z:1:1}" | od -An -tx1
[[ $y == ?? ]] && echo two
### stdout:
2 3
 c3 a9
two
### status: 0
### end

### case: NFC and NFD are different values
### oracle: bash
LC_ALL=C.UTF-8
declare -A a
a[$'e\u0301']=1; a[$'\u00e9']=2
echo "${#a[@]} ${a[$'e\u0301']} ${a[$'\u00e9']}"
nfd=$'e\u0301' nfc=$'\u00e9'
[[ $nfd == "$nfc" ]] && echo same || echo different
case $nfd in "$nfc") echo case-same ;; *) echo case-different ;; esac
[ "$nfd" = "$nfc" ] && echo test-same || echo test-different
echo "${#nfd} ${#nfc}"
### stdout:
2 1 2
different
case-different
test-different
2 1
### status: 0
### end

### case: LC_ALL overrides LC_CTYPE, which overrides LANG; unset falls through
### oracle: bash
unset LC_ALL
x=é
LANG=C.UTF-8; echo "${#x}"
LC_CTYPE=C; echo "${#x}"
LC_CTYPE=; echo "${#x}"
LC_ALL=C; echo "${#x}"
unset LC_ALL; echo "${#x}"
### stdout:
1
2
1
2
1
### status: 0
### end

### case: at start the locale is the environment's, C when it names none
### oracle: bash
env -i "$0" -c 'x=é; echo "none: ${#x}"'
env -i LANG=C.UTF-8 "$0" -c 'x=é; echo "LANG: ${#x}"; LANG=C; echo "then C: ${#x}"'
env -i LANG=C "$0" -c 'x=é; echo "C: ${#x}"; LANG=xx_YY.UTF-8; echo "then missing: ${#x}"'
env -i LANG=C.UTF-8 "$0" -c 'LANG=xx_YY.UTF-8; x=é; echo "missing after UTF-8: ${#x}"'
env -i LC_ALL=C.UTF-8 LANG=C "$0" -c 'x=é; echo "LC_ALL: ${#x}"'
env -i LC_ALL=C LANG=C.UTF-8 "$0" -c 'x=é; echo "LC_ALL=C: ${#x}"; unset LC_ALL; echo "unset: ${#x}"'
env -i LANG=C.UTF-8 "$0" -c 'LC_CTYPE=xx_YY.UTF-8 2>/dev/null; x=é; echo "failed LC_CTYPE: ${#x}"'
env -i LANG=C.UTF-8 "$0" -c '[[ é =~ ^.$ ]] && echo "regex: one character"'
### stdout:
none: 2
LANG: 1
then C: 2
C: 2
then missing: 2
missing after UTF-8: 1
LC_ALL: 1
LC_ALL=C: 2
unset: 1
failed LC_CTYPE: 1
regex: one character
### status: 0
### end

### case: at start a locale that cannot load is reported for LC_ALL alone
### oracle: bash
env -i LC_ALL=xx_YY.UTF-8 "$0" -c 'echo ran' 2>&1 | sed 's/^[^:]*: //'
env -i LC_CTYPE=xx_YY.UTF-8 "$0" -c 'echo ran' 2>&1 | sed 's/^[^:]*: //'
env -i LC_COLLATE=xx_YY.UTF-8 LANG=C.UTF-8 "$0" -c 'x=é; echo "ran ${#x}"' 2>&1 | sed 's/^[^:]*: //'
### stdout:
warning: setlocale: LC_ALL: cannot change locale (xx_YY.UTF-8)
ran
ran
ran 1
### status: 0
### end

### case: \u escapes are UTF-8 under a UTF-8 locale and kept under C
### oracle: bash
LC_ALL=C.UTF-8
printf '%s|' $'\u00e9' "$(printf '\u00e9')" "$(echo -e '\u00e9')"; echo
LC_ALL=C
printf '%s|' $'\u00e9' "$(printf '\u00e9')" "$(echo -e '\u00e9')"; echo
### stdout:
é|é|é|
\u00E9|\u00E9|\u00E9|
### status: 0
### end

### case: invalid bytes survive variables, arrays, substitution and here-documents
### oracle: bash
x=$'\x80\xff'; a=("$x" $'\xfe'); y=$(printf '\x80\xff')
printf '%s' "$x" "${a[@]}" "$y" | od -An -tx1
cat <<END | od -An -tx1
$x
END
### stdout:
 80 ff 80 ff fe 80 ff
 80 ff 0a
### status: 0
### end

### case: %q and @Q quote bytes that are not characters so that eval gives them back
### oracle: bash
LC_ALL=C.UTF-8
x=$'a\x80\xffé'
printf '%q\n' "$x"; echo "${x@Q}"
eval "y=$(printf '%q' "$x")"; [ "$y" = "$x" ] && echo same
LC_ALL=C
printf '%q\n' "$x"
### stdout:
$'a\200\377é'
$'a\200\377é'
same
$'a\200\377\303\251'
### status: 0
### end

### case: glob results are sorted in the collation order
### oracle: bash
LC_ALL=C.UTF-8
touch b B a A é _ 1
echo *
LC_ALL=C
echo *
### stdout:
1 A B _ a b é
1 A B _ a b é
### status: 0
### end

# Found by fuzz/diff-pattern.py (issue 14).
### case: after an empty match, a replacement steps over one character of the subject even when the pattern is not UTF-8
### oracle: bash
export LC_ALL=C.UTF-8
shopt -s extglob
s=$'\xc3\xa9x'; p=$'*(\xff)'
printf '%s\n' "${s//$p/<>}"
### stdout:
<>é<>x
### status: 0
### end

# The environment is read whole before its locale counts: LANG read before LC_ALL once
# made weir load LANG's locale files at start-up, for nothing (issue 17).
### case: the environment's LC_ALL=C wins over its LANG, and LANG's locale is never loaded
### oracle: bash
x=é
for order in 'LANG=C.UTF-8 LC_ALL=C' 'LC_ALL=C LANG=C.UTF-8'; do
  env -i $order "$0" -c 'x=$1; echo ${#x}
    while read -r line; do case $line in *locale*) echo "locale files mapped";; esac; done < /proc/$$/maps' sh "$x"
done
env -i LANG=C LC_ALL=C.UTF-8 "$0" -c 'x=$1; echo ${#x}' sh "$x"
env -i LANG=C.UTF-8 "$0" -c 'x=$1; echo ${#x}' sh "$x"
### stdout:
2
2
1
1
### status: 0
### end

### case: a locale that cannot be loaded at start-up leaves characters as bytes
### oracle: bash
touch _x_ "_$(printf '\316\274')_"
env -i PATH="$PATH" LC_CTYPE=invalid "$0" -c 'echo _?_; x=$(printf "\316\274"); echo ${#x}' 2>/dev/null
env -i PATH="$PATH" LANG=invalid "$0" -c 'echo _?_' 2>/dev/null
### stdout:
_x_
2
_x_
### status: 0
### end
