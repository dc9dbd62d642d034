package org.leain.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ContractSchemaDocsTest {

    static Stream<Schema> contracts() {
        return Stream.of(GwCandidate.getClassSchema(), Spectrum.getClassSchema(), Association.getClassSchema(),
                DcbhPosterior.getClassSchema(), DeadLetter.getClassSchema());
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void everyNamedTypeAndField_ofAContract_hasADoc(Schema contract) {
        List<String> missing = new ArrayList<>();
        visit(contract, new HashSet<>(), (path, doc) -> {
            if (doc == null || doc.isBlank()) {
                missing.add(path);
            }
        });
        assertEquals(List.of(), missing, "Expected a doc on every record, enum and field of " + contract.getName());
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void everyNamedType_ofAContract_isInTheContractsNamespace(Schema contract) {
        List<String> foreign = new ArrayList<>();
        collectNamed(contract, new HashSet<>()).stream()
                .filter(s -> !"org.leain.contracts".equals(s.getNamespace()))
                .forEach(s -> foreign.add(s.getFullName()));
        assertEquals(List.of(), foreign);
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void everyUnion_ofAContract_isNullableWithNullDefault(Schema contract) {
        List<String> bad = new ArrayList<>();
        for (Schema record : collectNamed(contract, new HashSet<>())) {
            if (record.getType() != Schema.Type.RECORD) {
                continue;
            }
            for (Schema.Field field : record.getFields()) {
                Schema type = field.schema();
                if (type.getType() == Schema.Type.UNION) {
                    boolean ok = type.getTypes().size() == 2 && type.getTypes().get(0).getType() == Schema.Type.NULL
                            && field.hasDefaultValue() && field.defaultVal() == org.apache.avro.JsonProperties.NULL_VALUE;
                    if (!ok) {
                        bad.add(record.getName() + "." + field.name());
                    }
                }
            }
        }
        assertEquals(List.of(), bad, "Expected every union to be [null, X] with default null");
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void everyLongField_ofAContract_namesItsUnit(Schema contract) {
        List<String> unnamed = new ArrayList<>();
        for (Schema record : collectNamed(contract, new HashSet<>())) {
            if (record.getType() != Schema.Type.RECORD) {
                continue;
            }
            for (Schema.Field field : record.getFields()) {
                Schema type = field.schema().isNullable() && field.schema().isUnion()
                        ? field.schema().getTypes().get(1) : field.schema();
                boolean unitNamed = field.name().endsWith("_ms") || field.name().endsWith("_bytes")
                        || field.name().equals("origin_offset");
                if (type.getType() == Schema.Type.LONG && !unitNamed) {
                    unnamed.add(record.getName() + "." + field.name());
                }
            }
        }
        assertTrue(unnamed.isEmpty(), "Expected long fields (times) to end in _ms (or _bytes for sizes). Actual: " + unnamed);
    }

    private interface DocVisitor {
        void accept(String path, String doc);
    }

    private static void visit(Schema schema, Set<String> seen, DocVisitor visitor) {
        switch (schema.getType()) {
            case RECORD -> {
                if (!seen.add(schema.getFullName())) {
                    return;
                }
                visitor.accept(schema.getFullName(), schema.getDoc());
                for (Schema.Field field : schema.getFields()) {
                    visitor.accept(schema.getName() + "." + field.name(), field.doc());
                    visit(field.schema(), seen, visitor);
                }
            }
            case ENUM -> {
                if (seen.add(schema.getFullName())) {
                    visitor.accept(schema.getFullName(), schema.getDoc());
                }
            }
            case ARRAY -> visit(schema.getElementType(), seen, visitor);
            case MAP -> visit(schema.getValueType(), seen, visitor);
            case UNION -> schema.getTypes().forEach(t -> visit(t, seen, visitor));
            default -> { }
        }
    }

    private static List<Schema> collectNamed(Schema schema, Set<String> seen) {
        List<Schema> named = new ArrayList<>();
        switch (schema.getType()) {
            case RECORD -> {
                if (seen.add(schema.getFullName())) {
                    named.add(schema);
                    schema.getFields().forEach(f -> named.addAll(collectNamed(f.schema(), seen)));
                }
            }
            case ENUM, FIXED -> {
                if (seen.add(schema.getFullName())) {
                    named.add(schema);
                }
            }
            case ARRAY -> named.addAll(collectNamed(schema.getElementType(), seen));
            case MAP -> named.addAll(collectNamed(schema.getValueType(), seen));
            case UNION -> schema.getTypes().forEach(t -> named.addAll(collectNamed(t, seen)));
            default -> { }
        }
        return named;
    }
}
