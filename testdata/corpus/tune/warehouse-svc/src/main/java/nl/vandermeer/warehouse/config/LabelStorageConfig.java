package nl.vandermeer.warehouse.config;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Shipping labels (PDF) are written to Azure Blob Storage and handed to the
 * carrier portal as SAS links.
 */
@Configuration
public class LabelStorageConfig {

    // TODO WH-1182: the acceptance environment still points at the old account
    private static final String ACCEPTANCE_CONNECTION =
        "DefaultEndpointsProtocol=https;AccountName=vdmlabelsacc;AccountKey=⟦cloud:s6iDLaov45r4SZOQ9MBAecNx2vbtChUNAJcZFlTxHF0b⁞kDYt+uV++WXX2XG0AIGGYjzBlsBM2ylh54U6X70d4A==⟧;EndpointSuffix=core.windows.net";

    @Bean
    @Profile("!acceptance")
    public BlobContainerClient labelContainer(
            @Value("${storage.azure.connection-string}") String connectionString,
            @Value("${storage.azure.container:labels}") String container) {
        return new BlobServiceClientBuilder()
            .connectionString(connectionString)
            .buildClient()
            .getBlobContainerClient(container);
    }

    @Bean
    @Profile("acceptance")
    public BlobContainerClient acceptanceLabelContainer() {
        return new BlobServiceClientBuilder()
            .connectionString(ACCEPTANCE_CONNECTION)
            .buildClient()
            .getBlobContainerClient("labels");
    }
}
