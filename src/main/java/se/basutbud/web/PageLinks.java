package se.basutbud.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.UriBuilder;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * RFC 8288 {@code Link} headers on every page of a list, so that a client can walk it without computing
 * page numbers: {@code first} and {@code last} always, {@code prev} and {@code next} where they exist. The
 * links keep the request's other query parameters (filters) and are relative to the service's root.
 */
public class PageLinks {

    @ServerResponseFilter
    public void addLinks(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof Page<?> page) || response.getStatus() != 200) {
            return;
        }
        response.getHeaders().add("Link", header(request.getUriInfo().getRequestUriBuilder(), page));
    }

    static String header(UriBuilder requestUri, Page<?> page) {
        long last = page.total() == 0 ? 0 : (page.total() - 1) / page.size();
        List<String> links = new ArrayList<>();
        links.add(link(requestUri, 0, page.size(), "first"));
        if (page.page() > 0) {
            links.add(link(requestUri, Math.min(page.page() - 1, last), page.size(), "prev"));
        }
        if (page.page() < last) {
            links.add(link(requestUri, page.page() + 1, page.size(), "next"));
        }
        links.add(link(requestUri, last, page.size(), "last"));
        return String.join(", ", links);
    }

    private static String link(UriBuilder requestUri, long page, int size, String relation) {
        java.net.URI uri = requestUri
                .clone()
                .replaceQueryParam("page", page)
                .replaceQueryParam("size", size)
                .build();
        return "<" + uri.getRawPath() + "?" + uri.getRawQuery() + ">; rel=\"" + relation + "\"";
    }
}
