provider "azurerm" {
  features {}
  subscription_id = "4a7d8507-45e2-48b8-8915-780012e0fe8b"
  tenant_id       = "93f14856-800c-479b-a1da-f257182aad3f"
  client_id       = "d259adff-019b-4e04-8729-618be6b537cb"
  client_secret   = "⟦cloud:AU58Q~fsySC47dIM7E0_⁞KF.vMrHKHnG9j~AtE9BU⟧"
}

resource "azurerm_resource_group" "dr" {
  name     = "rg-tidewatch-dr"
  location = "swedencentral"
}

resource "azurerm_storage_account" "backups" {
  name                     = "twdrbackups"
  resource_group_name      = azurerm_resource_group.dr.name
  location                 = azurerm_resource_group.dr.location
  account_tier             = "Standard"
  account_replication_type = "GRS"
  min_tls_version          = "TLS1_2"
}
