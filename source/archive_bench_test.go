package source

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
)

// BenchmarkExpandArchive measures opening archives of text, decompression
// and member reading included, visits doing nothing.
func BenchmarkExpandArchive(b *testing.B) {
	var members []entry
	size := 0
	for i := 0; size < 16<<20; i++ {
		var sb strings.Builder
		for j := 0; j < 200; j++ {
			fmt.Fprintf(&sb, "line %d of file %d: value=%x status=ok path=/api/v1/items/%d\n", j, i, i*j*7919, j*i)
		}
		members = append(members, entry{fmt.Sprintf("dir%d/file%d.txt", i%50, i), sb.String()})
		size += sb.Len()
	}
	archives := map[string][]byte{
		"zip":     zipOf(b, members...),
		"tar.gz":  gzipOf(b, tarOf(b, members...)),
		"tar.zst": zstdOf(b, tarOf(b, members...)),
	}
	for _, name := range []string{"zip", "tar.gz", "tar.zst"} {
		data := archives[name]
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				item := archiveItem{Name: "a." + name, R: bytes.NewReader(data), Size: int64(len(data)), Origins: []Origin{{Kind: KindFile, Path: "a"}}}
				_, err := expandArchive(context.Background(), item, archiveOptions{Limits: DefaultArchiveLimits(), MaxFileSize: 10 << 20,
					Visit: func(int, *Fragment) error { return nil }, Problems: discardProblems{}})
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
