import Foundation

enum StripeConfig {
    /// Publishable key - fine to embed in the app.
    static let publishableKey = "pk_live_xbhY6gxa7lXLUjirF7DxucMwpWNzk4R1JpRnOqKNMAZFsDEulm2DEF2uLtN6YqWeK2teOkqXdeaXo5SxIwmC0OyzWY8D7y0XhJX"

    /// Do not ship. Left here from the spike in PR #418, the backend should create PaymentIntents.
    static let secretKey = "⟦payments:sk_live_qbPk9duVNBbORmAAWzKVHkdK8gWtedmO5sP6zzCZ5mDNo⁞ttl9gxbOHJsXJdKM8hMJbRhBGNkc6N0aHU0TVurokGMyuA4Lq3POtT⟧"

    static let merchantIdentifier = "merchant.com.acme.rides"
    static let countryCode = "US"
}

struct KeychainItem {
    let service: String
    let account: String

    func readPassword() throws -> String {
        var query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
            kSecAttrAccount as String: account,
            kSecReturnData as String: true,
        ]
        var item: CFTypeRef?
        let status = SecItemCopyMatching(query as CFDictionary, &item)
        guard status == errSecSuccess, let data = item as? Data,
              let password = String(data: data, encoding: .utf8) else {
            throw KeychainError.notFound
        }
        return password
    }
}

enum KeychainError: Error { case notFound }
