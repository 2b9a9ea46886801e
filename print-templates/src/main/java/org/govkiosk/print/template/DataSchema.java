package org.govkiosk.print.template;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.govkiosk.print.model.ImageData;

/**
 * The fields a data record offers to templates: its record components, by name. Templates are checked against
 * it when loaded, so an unknown placeholder is found at start, not when a citizen is waiting for paper.
 */
final class DataSchema {

    enum Kind { TEXT, IMAGE, LIST }

    record Field(String name, Kind kind, RecordComponent component, DataSchema element) {
    }

    private final Class<?> type;
    private final Map<String, Field> fields;

    private DataSchema(Class<?> type, Map<String, Field> fields) {
        this.type = type;
        this.fields = fields;
    }

    static DataSchema of(Class<?> recordType) {
        if (!recordType.isRecord()) {
            throw new IllegalArgumentException(recordType + " is not a record");
        }
        Map<String, Field> fields = new LinkedHashMap<>();
        for (RecordComponent c : recordType.getRecordComponents()) {
            Class<?> t = c.getType();
            Field f;
            if (ImageData.class.equals(t)) {
                f = new Field(c.getName(), Kind.IMAGE, c, null);
            } else if (java.util.List.class.equals(t)) {
                f = new Field(c.getName(), Kind.LIST, c, of(elementType(c)));
            } else {
                f = new Field(c.getName(), Kind.TEXT, c, null);
            }
            fields.put(c.getName(), f);
        }
        return new DataSchema(recordType, fields);
    }

    private static Class<?> elementType(RecordComponent c) {
        Type generic = c.getGenericType();
        if (generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> k) {
            return k;
        }
        throw new IllegalArgumentException(c + " must be a List of a record type");
    }

    Optional<Field> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    java.util.Set<String> names() {
        return fields.keySet();
    }

    String typeName() {
        return type.getSimpleName();
    }

    static Object read(Object record, Field field) {
        try {
            return field.component().getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + field.name(), e);
        }
    }
}
