package main

import (
	"strconv"

	"github.com/urfave/cli/v2"

	"github.com/leakstop/leakstop/source"
)

// Defaults of the archive flags, as the flags show them.
var defaultArchive = source.DefaultArchiveLimits()

const defaultMaxArchiveBytes = "1GiB"

// archiveFlags bound the opening of archives (zip, jar, docx…, tar, gz,
// bz2, xz, zst) found by any scanning command.
func archiveFlags() []cli.Flag {
	return []cli.Flag{
		&cli.IntFlag{Name: "max-archive-depth", Value: defaultArchive.MaxDepth, Usage: "open archives nested up to `N` deep (a.zip!b.tar.gz!c.env is 2); 0 opens none (each is listed as skipped)"},
		&cli.StringFlag{Name: "max-archive-bytes", Value: defaultMaxArchiveBytes, Usage: "decompress at most `SIZE` from one archive, nested ones included; the rest is skipped and listed; 0 for no limit"},
		&cli.IntFlag{Name: "max-archive-entries", Value: defaultArchive.MaxEntries, Usage: "read at most `N` members of one archive, nested ones included; 0 for no limit"},
		&cli.Float64Flag{Name: "max-compression-ratio", Value: defaultArchive.MaxRatio, Usage: "skip (and list) a member that decompresses to more than `R` times its compressed size, past 1 MiB (a zip bomb); 0 for no limit"},
	}
}

// archiveLimitsFrom reads the archive flags; bad values are usage errors.
func archiveLimitsFrom(c *cli.Context) (source.ArchiveLimits, error) {
	l := source.ArchiveLimits{
		MaxDepth:   c.Int("max-archive-depth"),
		MaxEntries: c.Int("max-archive-entries"),
		MaxRatio:   c.Float64("max-compression-ratio"),
	}
	switch {
	case l.MaxDepth < 0:
		return l, usagef("--max-archive-depth %d: want 0 or more", l.MaxDepth)
	case l.MaxEntries < 0:
		return l, usagef("--max-archive-entries %d: want 0 or more", l.MaxEntries)
	case l.MaxRatio < 0 || l.MaxRatio != l.MaxRatio:
		return l, usagef("--max-compression-ratio %s: want 0 or more", strconv.FormatFloat(l.MaxRatio, 'g', -1, 64))
	}
	n, err := parseSize(c.String("max-archive-bytes"))
	if err != nil {
		return l, usagef("--max-archive-bytes: %v", err)
	}
	l.MaxBytes = n
	return l, nil
}
