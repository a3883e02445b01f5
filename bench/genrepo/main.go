// Command genrepo writes a git fast-import stream of a synthetic repository
// with realistic file sizes and churn, for bench/history.sh. The stream is
// deterministic for a seed.
//
//	genrepo -commits 20000 | git fast-import
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
)

type file struct {
	lines []string
}

type model struct {
	files map[string]*file
	paths []string
}

func (m *model) clone() *model {
	c := &model{files: make(map[string]*file, len(m.files)), paths: slices.Clone(m.paths)}
	for p, f := range m.files {
		c.files[p] = f // copy on write: edits replace the *file
	}
	return c
}

func main() {
	commits := flag.Int("commits", 20000, "number of commits")
	files := flag.Int("files", 4000, "files in the first commit")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()
	g := &gen{r: rand.New(rand.NewPCG(*seed, 7)), w: bufio.NewWriterSize(os.Stdout, 1<<20)}
	g.run(*commits, *files)
	g.w.Flush()
}

type gen struct {
	r    *rand.Rand
	w    *bufio.Writer
	mark int
	time int64
}

var words = strings.Fields(`func return if else for range var const type struct interface map
string int error nil err ctx context value result config client server request response
handler buffer reader writer index count total name path file data bytes options default`)

func (g *gen) line() string {
	n := 2 + g.r.IntN(8)
	var b strings.Builder
	b.WriteString(strings.Repeat("\t", g.r.IntN(4)))
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(words[g.r.IntN(len(words))])
	}
	if g.r.IntN(5) == 0 {
		fmt.Fprintf(&b, " // %d", g.r.IntN(100000))
	}
	return b.String()
}

// size draws a file size in bytes: log-normal, median about 3 KB.
func (g *gen) size() int {
	s := math.Exp(8 + 1.2*g.r.NormFloat64())
	return int(min(max(s, 60), 400_000))
}

func (g *gen) newFile() *file {
	want := g.size()
	f := &file{}
	for n := 0; n < want; {
		l := g.line()
		f.lines = append(f.lines, l)
		n += len(l) + 1
	}
	return f
}

func (g *gen) edit(f *file) *file {
	nf := &file{lines: slices.Clone(f.lines)}
	for k := 1 + g.r.IntN(4); k > 0; k-- {
		i := g.r.IntN(len(nf.lines) + 1)
		switch g.r.IntN(3) {
		case 0:
			nf.lines = slices.Insert(nf.lines, i, g.line(), g.line())
		case 1:
			if i < len(nf.lines) {
				nf.lines[i] = g.line()
			}
		default:
			if i < len(nf.lines) && len(nf.lines) > 3 {
				nf.lines = slices.Delete(nf.lines, i, min(i+2, len(nf.lines)))
			}
		}
	}
	return nf
}

func (g *gen) newPath() string {
	return fmt.Sprintf("%s/%s/f%06d.%s", dirs1[g.r.IntN(len(dirs1))], dirs2[g.r.IntN(len(dirs2))],
		g.r.IntN(1_000_000), exts[g.r.IntN(len(exts))])
}

var (
	dirs1 = []string{"cmd", "internal", "pkg", "lib", "docs", "web", "api", "tools"}
	dirs2 = []string{"alpha", "beta", "gamma", "delta", "core", "util", "net", "store", "auth", "ui"}
	exts  = []string{"go", "go", "go", "py", "js", "md", "yaml", "json"}
)

func (g *gen) data(s string) {
	fmt.Fprintf(g.w, "data %d\n%s\n", len(s), s)
}

func (g *gen) blob(f *file) int {
	g.mark++
	content := strings.Join(f.lines, "\n") + "\n"
	fmt.Fprintf(g.w, "blob\nmark :%d\n", g.mark)
	g.data(content)
	return g.mark
}

type change struct {
	path string
	mark int // 0: delete
}

// commit writes a commit on ref with the given parents (marks) and changes.
func (g *gen) commit(ref string, parents []int, changes []change, msg string) int {
	g.mark++
	g.time += 60 + int64(g.r.IntN(3600))
	fmt.Fprintf(g.w, "commit %s\nmark :%d\n", ref, g.mark)
	who := fmt.Sprintf("Dev %d <dev%d@example.com>", g.r.IntN(40), g.r.IntN(40))
	fmt.Fprintf(g.w, "author %s %d +0000\ncommitter %s %d +0000\n", who, g.time, who, g.time)
	g.data(msg)
	for i, p := range parents {
		if i == 0 {
			fmt.Fprintf(g.w, "from :%d\n", p)
		} else {
			fmt.Fprintf(g.w, "merge :%d\n", p)
		}
	}
	for _, c := range changes {
		if c.mark == 0 {
			fmt.Fprintf(g.w, "D %s\n", c.path)
		} else {
			fmt.Fprintf(g.w, "M 100644 :%d %s\n", c.mark, c.path)
		}
	}
	g.w.WriteString("\n")
	return g.mark
}

// step makes one commit's worth of churn on m and returns the changes.
func (g *gen) step(m *model, n int) []change {
	var cs []change
	switch k := g.r.IntN(100); {
	case k < 4: // add a file
		p := g.newPath()
		f := g.newFile()
		if n%997 == 0 {
			f.lines = slices.Insert(f.lines, len(f.lines)/2, fmt.Sprintf(`token = "tok_%020d"`, n))
		}
		m.files[p] = f
		m.paths = append(m.paths, p)
		cs = append(cs, change{p, g.blob(f)})
	case k < 6 && len(m.paths) > 10: // delete a file
		i := g.r.IntN(len(m.paths))
		p := m.paths[i]
		delete(m.files, p)
		m.paths = slices.Delete(m.paths, i, i+1)
		cs = append(cs, change{p, 0})
	case k < 7 && len(m.paths) > 10: // rename
		i := g.r.IntN(len(m.paths))
		p, np := m.paths[i], g.newPath()
		f := m.files[p]
		delete(m.files, p)
		m.files[np] = f
		m.paths[i] = np
		cs = append(cs, change{p, 0}, change{np, g.blob(f)})
	default: // edit one to three files
		for j := 1 + g.r.IntN(3); j > 0; j-- {
			// Recent work clusters on a few files, like real projects.
			i := len(m.paths) - 1 - int(math.Abs(g.r.NormFloat64())*float64(len(m.paths))/4)%len(m.paths)
			p := m.paths[i]
			f := g.edit(m.files[p])
			m.files[p] = f
			cs = append(cs, change{p, g.blob(f)})
		}
	}
	return cs
}

func (g *gen) run(commits, nfiles int) {
	g.time = 1_500_000_000
	m := &model{files: map[string]*file{}}
	var cs []change
	for i := 0; i < nfiles; i++ {
		p := g.newPath()
		if _, ok := m.files[p]; ok {
			continue
		}
		f := g.newFile()
		m.files[p] = f
		m.paths = append(m.paths, p)
		cs = append(cs, change{p, g.blob(f)})
	}
	head := g.commit("refs/heads/main", nil, cs, "Initial import")
	for n := 1; n < commits; {
		if n%250 == 0 && n+12 < commits { // a feature branch, merged back
			br := m.clone()
			ref := fmt.Sprintf("refs/heads/feature-%d", n)
			tip := head
			var all []change
			for k := 0; k < 8; k++ {
				c := g.step(br, n)
				all = append(all, c...)
				tip = g.commit(ref, []int{tip}, c, fmt.Sprintf("feature %d step %d", n, k))
				n++
			}
			c := g.step(m, n)
			head = g.commit("refs/heads/main", []int{head}, c, fmt.Sprintf("change %d", n))
			n++
			for _, c := range all { // take the branch's side of every file it touched
				if c.mark == 0 {
					if _, ok := m.files[c.path]; ok {
						delete(m.files, c.path)
						m.paths = slices.DeleteFunc(m.paths, func(p string) bool { return p == c.path })
					}
				} else {
					if _, ok := m.files[c.path]; !ok {
						m.paths = append(m.paths, c.path)
					}
					m.files[c.path] = br.files[c.path]
				}
			}
			head = g.commit("refs/heads/main", []int{head, tip}, all, fmt.Sprintf("Merge feature %d", n))
			n++
			if n%1000 < 250 {
				fmt.Fprintf(g.w, "reset refs/tags/v%d\nfrom :%d\n\n", n/250, head)
			}
			continue
		}
		c := g.step(m, n)
		head = g.commit("refs/heads/main", []int{head}, c, fmt.Sprintf("change %d\n\nBody of change %d.", n, n))
		n++
	}
}
