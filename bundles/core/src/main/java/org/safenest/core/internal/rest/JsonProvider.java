package org.safenest.core.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.stream.Collectors;

import javax.ws.rs.Consumes;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.ext.MessageBodyReader;
import javax.ws.rs.ext.MessageBodyWriter;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsMediaType;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.safenest.api.error.InvalidInputException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * JSON for the Safenest application, with Jackson. Bad JSON becomes a 400 that names the field (never the
 * value); bodies over {@link #MAX_BODY_BYTES} are refused before they are parsed.
 */
@Component(service = {MessageBodyReader.class, MessageBodyWriter.class})
@JaxrsExtension
@JaxrsName(JsonProvider.NAME)
@JaxrsMediaType(MediaType.APPLICATION_JSON)
@JaxrsApplicationSelect(SafenestApplication.SELECT)
@Consumes({MediaType.APPLICATION_JSON, "application/*+json", "text/json"})
@Produces({MediaType.APPLICATION_JSON, "application/*+json", "text/json"})
public class JsonProvider implements MessageBodyReader<Object>, MessageBodyWriter<Object> {

    public static final String NAME = "safenest-json";
    /** The largest request body accepted: 1 MiB. */
    public static final int MAX_BODY_BYTES = 1 << 20;

    private volatile ObjectMapper mapper = mapper();
    private volatile long generation = ApiResources.generation();

    /** The mapper every Safenest JSON answer is written with. */
    public static ObjectMapper mapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * The mapper, made anew after an API resource went: Jackson caches (de)serializers per class, and those of an
     * uninstalled capability's classes would keep its class loader alive.
     */
    private ObjectMapper current() {
        long g = ApiResources.generation();
        if (g != generation) {
            mapper = mapper();
            generation = g;
        }
        return mapper;
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type != String.class && type != InputStream.class;
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> headers, InputStream entityStream) throws IOException {
        byte[] body = entityStream.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw new InvalidInputException("body", "too-large", "The request body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        if (body.length == 0) {
            throw new InvalidInputException("body", "required", "The request needs a JSON body");
        }
        try {
            ObjectMapper m = current();
            return m.readValue(body, m.constructType(genericType));
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidInputException(path(e), "unknown-field", "Unknown field '" + e.getPropertyName() + "'");
        } catch (JsonMappingException e) {
            String field = path(e);
            throw new InvalidInputException(field.isEmpty() ? "body" : field, "invalid-value",
                    field.isEmpty() ? "The body does not have the expected shape" : "Field '" + field + "' has a value of the wrong type or format");
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("body", "malformed-json", "The body is not valid JSON (line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")");
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type != String.class && !InputStream.class.isAssignableFrom(type) && type != byte[].class;
    }

    @Override
    public void writeTo(Object value, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream entityStream) throws IOException {
        current().writeValue(new NonClosingStream(entityStream), value);
    }

    /** Jackson closes the stream it writes to; the container owns it. */
    private static final class NonClosingStream extends java.io.FilterOutputStream {
        NonClosingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
