package flagon

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// appDir returns the folder the app's default instance folder is anchored
// to, so that it never depends on the working directory: the folder of
// the program's executable, or, for a program built by "go run" or
// "go test" (an executable in a go-build temporary folder or in the Go
// build cache, where recent go commands keep "go run" programs), the folder of
// the source file that called New when it exists, as Flask anchors it to
// the app's package. It returns "" when neither is known.
func appDir(callerFile string) string {
	exe, err := os.Executable()
	if err == nil {
		if resolved, err := filepath.EvalSymlinks(exe); err == nil {
			exe = resolved
		}
		if !isGoBuildTemp(exe) && !inGoBuildCache(exe) {
			return filepath.Dir(exe)
		}
	}
	if callerFile != "" && filepath.IsAbs(callerFile) && isDir(filepath.Dir(callerFile)) {
		return filepath.Dir(callerFile)
	}
	return ""
}

// isGoBuildTemp reports whether exe was built by "go run" or "go test",
// which put it in a temporary folder go-build<digits> removed after the
// run.
func isGoBuildTemp(exe string) bool {
	for _, part := range strings.Split(filepath.ToSlash(exe), "/") {
		if digits, ok := strings.CutPrefix(part, "go-build"); ok && digits != "" && strings.Trim(digits, "0123456789") == "" {
			return true
		}
	}
	return false
}

// inGoBuildCache reports whether exe is in the Go build cache (GOCACHE,
// by default the user cache folder's go-build).
func inGoBuildCache(exe string) bool {
	cache := os.Getenv("GOCACHE")
	if cache == "" || cache == "off" {
		dir, err := os.UserCacheDir()
		if err != nil {
			return false
		}
		cache = filepath.Join(dir, "go-build")
	}
	if resolved, err := filepath.EvalSymlinks(cache); err == nil {
		cache = resolved
	}
	rel, err := filepath.Rel(cache, exe)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// callerFile returns the source file of New's caller.
func callerFile() string {
	_, file, _, ok := runtime.Caller(2)
	if !ok {
		return ""
	}
	return file
}

// defaultInstancePath is RootPath/instance when the root folder was given
// (WithRootPath), and the instance folder beside the program otherwise
// (see appDir), falling back to the working directory.
func (a *App) defaultInstancePath(cwd, caller string) string {
	if a.RootPath != cwd {
		return filepath.Join(a.RootPath, "instance")
	}
	if dir := appDir(caller); dir != "" {
		return filepath.Join(dir, "instance")
	}
	return filepath.Join(a.RootPath, "instance")
}
