package source

import (
	"io"
	"io/fs"
	"path"
	"path/filepath"
	"strings"
	"sync/atomic"
)

// slackDay is a day file of a conversation.
type slackDay struct {
	folder string // the conversation's folder name
	rel    string // path in the export
	conv   *slackConv
}

// slackFile is a file of the export other than a day file or a list of
// users, or a file of the downloaded files folder.
type slackFile struct {
	exp    *slackExport
	rel    string
	size   int64
	folder string // the top folder it is under: "/" for none, "" in the files folder
	// shared is set once a message that shares the file is read;
	// reported once it was reported as unreadable or too large.
	shared, reported atomic.Bool
}

// slackPlan is what an export holds: where it starts (a zip may wrap it
// in a folder), its day files in order, and its other files.
type slackPlan struct {
	root   string
	days   []slackDay
	files  []*slackFile
	byID   map[string][]*slackFile // by Slack file id
	byName map[string][]*slackFile // by folder NUL file name
}

// Lists that hold no free text: not scanned as files.
var slackIDLists = map[string]bool{"users.json": true, "org_users.json": true, "dms.json": true}

// planSlack lists an export: its day files and its other files. Folders
// that cannot be read are reported.
func planSlack(exp *slackExport, p Problems) (*slackPlan, error) {
	root, err := slackRoot(exp.fsys)
	if err != nil {
		return nil, err
	}
	plan := &slackPlan{root: root, byID: map[string][]*slackFile{}, byName: map[string][]*slackFile{}}
	ents, err := fs.ReadDir(exp.fsys, root)
	if err != nil {
		return nil, plainError(err)
	}
	// Day files at the top: an export of a single conversation, named by
	// its folder (or the archive).
	single := path.Base(root)
	if root == "." {
		single = strings.TrimSuffix(filepath.Base(exp.root), filepath.Ext(exp.root))
	}
	for _, e := range ents {
		name, rel := e.Name(), path.Join(root, e.Name())
		switch {
		case e.IsDir():
			if name != "__MACOSX" {
				plan.walk(exp, rel, name, true, p)
			}
		case !e.Type().IsRegular():
		case isDayFile(name):
			plan.days = append(plan.days, slackDay{folder: single, rel: rel})
		case slackIDLists[name]:
		default:
			plan.add(exp, rel, "/", e, p) // "/": no folder, and not the files folder
		}
	}
	return plan, nil
}

// slackRoot is the folder of fsys the export starts in: the top, or the
// one folder a zip wraps everything in.
func slackRoot(fsys fs.FS) (string, error) {
	dir := "."
	for range 3 {
		ents, err := fs.ReadDir(fsys, dir)
		if err != nil {
			return "", plainError(err)
		}
		var dirs []string
		for _, e := range ents {
			switch {
			case e.IsDir() && e.Name() != "__MACOSX":
				dirs = append(dirs, e.Name())
			case !e.IsDir() && strings.HasSuffix(e.Name(), ".json"):
				return dir, nil
			}
		}
		if len(dirs) != 1 {
			return dir, nil
		}
		dir = path.Join(dir, dirs[0])
	}
	return dir, nil
}

// walk lists the folder dir, a top folder named folder: its day files
// (when days is set) and, at any depth, its other files.
func (plan *slackPlan) walk(exp *slackExport, dir, folder string, days bool, p Problems) {
	err := fs.WalkDir(exp.fsys, dir, func(rel string, d fs.DirEntry, err error) error {
		if err != nil {
			p.Error(exp.shown(rel), plainError(err))
			return nil
		}
		switch {
		case d.IsDir() || !d.Type().IsRegular():
		case days && path.Dir(rel) == dir && isDayFile(d.Name()):
			plan.days = append(plan.days, slackDay{folder: folder, rel: rel})
		default:
			plan.add(exp, rel, folder, d, p)
		}
		return nil
	})
	if err != nil {
		p.Error(exp.shown(dir), plainError(err))
	}
}

// add indexes a file by the Slack file id its name or folder carries and
// by its name.
func (plan *slackPlan) add(exp *slackExport, rel, folder string, d fs.DirEntry, p Problems) {
	fi, err := d.Info()
	if err != nil {
		p.Error(exp.shown(rel), plainError(err))
		return
	}
	f := &slackFile{exp: exp, rel: rel, size: fi.Size(), folder: folder}
	plan.files = append(plan.files, f)
	base := path.Base(rel)
	id, name := slackFileID(base)
	if id == "" {
		if parent := path.Base(path.Dir(rel)); isSlackFileID(parent) {
			id = parent
		}
	}
	if id != "" {
		plan.byID[id] = append(plan.byID[id], f)
	}
	plan.byName[folder+"\x00"+name] = append(plan.byName[folder+"\x00"+name], f)
}

// indexFiles adds the files of a folder of downloaded files.
func (plan *slackPlan) indexFiles(files *slackExport, p Problems) {
	plan.walk(files, ".", "", false, p)
}

// lookup finds the downloaded copies of a file a message in folder
// shares: by id, else by name in the conversation's folder, else by a
// name only one file of the downloaded files folder has.
func (plan *slackPlan) lookup(ref slackFileRef, folder string) []*slackFile {
	if found := plan.byID[ref.id]; ref.id != "" && len(found) > 0 {
		return found
	}
	if ref.name == "" {
		return nil
	}
	if found := plan.byName[folder+"\x00"+ref.name]; len(found) > 0 {
		return found
	}
	if found := plan.byName["\x00"+ref.name]; len(found) == 1 {
		return found
	}
	return nil
}

// slackFileID splits a downloaded file's name into the Slack file id it
// starts with (F0123ABCD-name.txt, F0123ABCD_name.txt) and the name.
func slackFileID(base string) (id, name string) {
	for i := 0; i < len(base); i++ {
		if c := base[i]; c == '-' || c == '_' || c == ' ' {
			if isSlackFileID(base[:i]) && i+1 < len(base) {
				return base[:i], base[i+1:]
			}
			break
		}
	}
	return "", base
}

// isSlackFileID reports whether s looks like a Slack file id: F and at
// least eight upper-case letters and digits.
func isSlackFileID(s string) bool {
	if len(s) < 9 || s[0] != 'F' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if c := s[i]; !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// isDayFile reports whether name is a day file: YYYY-MM-DD.json.
func isDayFile(name string) bool {
	if len(name) != len("2006-01-02.json") || !strings.HasSuffix(name, ".json") {
		return false
	}
	for i, c := range name[:10] {
		if i == 4 || i == 7 {
			if c != '-' {
				return false
			}
		} else if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// Budgets of the search for the workspace's host in the export.
const (
	workspaceBudget  = 4 << 20
	workspacePerFile = 1 << 20
)

// findWorkspace looks for the workspace's host in what the export says:
// links to its canvases, files and messages, in canvases.json and the
// first day files (a bounded read, always the same files).
func (plan *slackPlan) findWorkspace(exp *slackExport) string {
	budget := int64(workspaceBudget)
	read := func(rel string) string {
		f, err := exp.fsys.Open(rel)
		if err != nil {
			return ""
		}
		defer f.Close()
		data, _ := io.ReadAll(io.LimitReader(f, min(budget, workspacePerFile)))
		budget -= int64(len(data))
		return workspaceIn(data)
	}
	if ws := read(path.Join(plan.root, "canvases.json")); ws != "" {
		return ws
	}
	for _, d := range plan.days {
		if budget <= 0 {
			break
		}
		if ws := read(d.rel); ws != "" {
			return ws
		}
	}
	return ""
}
