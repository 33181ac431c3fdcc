package flagon

import (
	"runtime"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// windowsDeviceFiles are the names Werkzeug's secure_filename prefixes
// with "_" on Windows (werkzeug.security._windows_device_files).
var windowsDeviceFiles = map[string]bool{
	"AUX": true, "CON": true, "CONIN$": true, "CONOUT$": true, "NUL": true, "PRN": true,
	"COM1": true, "COM2": true, "COM3": true, "COM4": true, "COM5": true, "COM6": true,
	"COM7": true, "COM8": true, "COM9": true, "COM¹": true, "COM²": true, "COM³": true,
	"LPT1": true, "LPT2": true, "LPT3": true, "LPT4": true, "LPT5": true, "LPT6": true,
	"LPT7": true, "LPT8": true, "LPT9": true, "LPT¹": true, "LPT²": true, "LPT³": true,
}

// SecureFilename returns an ASCII-only version of filename that is safe
// to store on any file system and to join to a directory, Werkzeug's
// secure_filename: accents are dropped (NFKD, then non-ASCII removed),
// path separators and runs of whitespace become "_", characters other
// than letters, digits, "_", "." and "-" are removed, and leading or
// trailing "." and "_" are stripped. On Windows a device name (CON,
// NUL.txt...) gets a "_" prefix. The result may be empty: pick another
// name then.
func SecureFilename(filename string) string {
	filename = norm.NFKD.String(filename)
	var ascii strings.Builder
	for _, r := range filename {
		switch {
		case r >= 0x80:
		case r == '/' || (runtime.GOOS == "windows" && r == '\\'):
			ascii.WriteByte(' ')
		default:
			ascii.WriteRune(r)
		}
	}
	joined := strings.Join(strings.FieldsFunc(ascii.String(), isPySpace), "_")
	kept := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '.' || r == '-' {
			return r
		}
		return -1
	}, joined)
	kept = strings.Trim(kept, "._")
	if runtime.GOOS == "windows" && kept != "" {
		stem, _, _ := strings.Cut(kept, ".")
		if windowsDeviceFiles[strings.ToUpper(stem)] {
			kept = "_" + kept
		}
	}
	return kept
}

// isPySpace reports whether an ASCII r is whitespace for Python's
// str.split, which also splits on the separators \x1c to \x1f.
func isPySpace(r rune) bool {
	return r == ' ' || r >= '\t' && r <= '\r' || r >= 0x1c && r <= 0x1f
}
