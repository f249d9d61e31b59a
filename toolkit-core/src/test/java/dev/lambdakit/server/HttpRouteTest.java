package dev.lambdakit.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.testhandlers.HttpHandlers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Routes as API Gateway picks them: literal segments over parameters over a greedy parameter, a method over ANY. */
class HttpRouteTest {

    static LambdaService service;
    static HttpFront api;
    static HttpFront rest;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        service = LambdaService.builder()
                .function(FunctionConfig.builder()
                        .functionName("routes")
                        .handler(HttpHandlers.RouteEcho.class.getName() + "::handle")
                        .build())
                .start();
        FunctionPool fn = service.function("routes");
        api = HttpFront.start(
                List.of(
                        HttpRoute.of("ANY", "/{proxy+}", fn, HttpFront.PayloadFormat.V2),
                        HttpRoute.of("GET", "/orders/{id}", fn, HttpFront.PayloadFormat.V2),
                        HttpRoute.of("GET", "/orders/latest", fn, HttpFront.PayloadFormat.V2),
                        HttpRoute.of("ANY", "/orders/{id}", fn, HttpFront.PayloadFormat.V2),
                        HttpRoute.of("POST", "/orders", fn, HttpFront.PayloadFormat.V2),
                        HttpRoute.of("GET", "/files/{path+}", fn, HttpFront.PayloadFormat.V2)),
                0);
        rest = HttpFront.start(List.of(HttpRoute.of("GET", "/pets/{id}", fn, HttpFront.PayloadFormat.V1)), 0);
    }

    @AfterAll
    static void stop() {
        api.close();
        rest.close();
        service.close();
    }

    static HttpResponse<String> send(HttpFront front, String method, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(front.uri() + path.substring(1)))
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theMostSpecificRouteTakesTheRequest() throws Exception {
        assertThat(send(api, "GET", "/orders/latest").body()).isEqualTo("GET /orders/latest null $default");
        assertThat(send(api, "GET", "/orders/42").body()).isEqualTo("GET /orders/{id} {id=42} $default");
        assertThat(send(api, "DELETE", "/orders/42").body()).isEqualTo("ANY /orders/{id} {id=42} $default");
        assertThat(send(api, "POST", "/orders").body()).isEqualTo("POST /orders null $default");
        assertThat(send(api, "GET", "/files/a/b.txt").body()).isEqualTo("GET /files/{path+} {path=a/b.txt} $default");
        assertThat(send(api, "PUT", "/anything/else").body()).isEqualTo("ANY /{proxy+} {proxy=anything/else} $default");
    }

    @Test
    void aRequestNoRouteTakesIsRefusedAsApiGatewayRefusesIt() throws Exception {
        HttpFront narrow = HttpFront.start(
                List.of(HttpRoute.of("POST", "/orders", service.function("routes"), HttpFront.PayloadFormat.V2)), 0);
        try {
            HttpResponse<String> missing = send(narrow, "GET", "/orders");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).isEqualTo("{\"message\":\"Not Found\"}");
        } finally {
            narrow.close();
        }
        HttpResponse<String> restMissing = send(rest, "GET", "/pets");
        assertThat(restMissing.statusCode()).isEqualTo(403);
        assertThat(restMissing.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
    }

    @Test
    void restApiEventsNameTheirResourceAndStage() throws Exception {
        assertThat(send(rest, "GET", "/pets/7").body()).isEqualTo("/pets/{id} {id=7} Prod");
    }
}
