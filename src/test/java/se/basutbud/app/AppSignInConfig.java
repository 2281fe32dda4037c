package se.basutbud.app;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import se.basutbud.support.OpenIdProvider;

/** The packaged service with a real OpenID Connect server as the region's identity provider. */
public class AppSignInConfig implements QuarkusTestResourceLifecycleManager {

    static OpenIdProvider provider;

    @Override
    public Map<String, String> start() {
        provider = new OpenIdProvider();
        return provider.serviceSettings();
    }

    @Override
    public void stop() {
        if (provider != null) {
            provider.close();
        }
    }
}
