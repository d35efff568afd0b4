package org.smarttown.e2e;

import static io.restassured.RestAssured.given;

/** Real tokens from the real Keycloak, with the demo logins and dev-only client secrets of the realm. */
final class Tokens {

    private static final String TOKEN_URL = LocalSuite.KEYCLOAK + "/realms/smarttown/protocol/openid-connect/token";

    private Tokens() {
    }

    /** A person's token through the password grant of the smarttown-cli client. */
    static String user(String userName) {
        return given().formParam("grant_type", "password")
                .formParam("client_id", "smarttown-cli")
                .formParam("client_secret", "smarttown-cli-secret")
                .formParam("username", userName)
                .formParam("password", "smarttown")
                .post(TOKEN_URL)
                .then().statusCode(200).extract().path("access_token");
    }

    /** Every scope of the partner API; agencies' tokens carry only the ones they ask for. */
    static final String PARTNER_SCOPES = "mentors:read mentors:write sessions:read sessions:write webhooks:manage";

    /**
     * A partner's or device hub's token through the client-credentials grant; an agency's asks for
     * every partner scope (they are optional client scopes of the agency clients).
     */
    static String client(String clientId) {
        return client(clientId, clientId.startsWith("agency-") ? PARTNER_SCOPES : null);
    }

    /** A client's token with the given scopes (null: the client's defaults). */
    static String client(String clientId, String scopes) {
        var request = given().formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId)
                .formParam("client_secret", clientId + "-secret");
        if (scopes != null) {
            request.formParam("scope", scopes);
        }
        return request.post(TOKEN_URL)
                .then().statusCode(200).extract().path("access_token");
    }
}
