package newsletter

import (
	"bytes"
	"crypto/md5"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
)

const (
	apiKey = "⟦messaging:72⁞cfa3f7811d6fe5204a39ccabb7372b-us16⟧"
	listID = "8902451a81"
)

func dc() string { return apiKey[strings.LastIndex(apiKey, "-")+1:] }

// Subscribe upserts a member; Mailchimp keys members by md5(lowercase email).
func Subscribe(email, first string) error {
	h := md5.Sum([]byte(strings.ToLower(email)))
	url := fmt.Sprintf("https://%s.api.mailchimp.com/3.0/lists/%s/members/%s", dc(), listID, hex.EncodeToString(h[:]))
	body, _ := json.Marshal(map[string]any{"email_address": email, "status_if_new": "subscribed", "merge_fields": map[string]string{"FNAME": first}})
	req, _ := http.NewRequest(http.MethodPut, url, bytes.NewReader(body))
	req.SetBasicAuth("anystring", apiKey)
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if res.StatusCode >= 300 {
		return fmt.Errorf("mailchimp: %s", res.Status)
	}
	return nil
}
