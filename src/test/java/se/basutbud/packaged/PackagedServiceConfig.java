package se.basutbud.packaged;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import se.basutbud.support.TestIdentityProvider;

/** Production configuration for the packaged service, with an identity provider of its own. */
public class PackagedServiceConfig implements QuarkusTestResourceLifecycleManager {

    static TestIdentityProvider identityProvider;

    @Override
    public Map<String, String> start() {
        identityProvider = new TestIdentityProvider("https://idp.example.se/packaged-test");
        return identityProvider.productionSettings();
    }

    @Override
    public void stop() {
        // The embedded server stops with the test JVM.
    }
}
