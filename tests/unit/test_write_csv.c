/*
 * test_write_csv.c — the CSV tables: Gephi's column names, RFC 4180
 * quoting with CRLF line ends, Kind keeping the layers of one pair apart,
 * table paths, and write errors.
 */
#include "support_writers.h"
#include "writers.h"

Test(write_csv, nodes_table)
{
    rg_dict *dict;
    rg_network *net = S_network(&dict, 1);
    char *out = S_write_with(rg_network_write_csv_nodes, net, NULL);
    cr_assert(strncmp(out, "Id,Label,type,qid,mentions,documents,", 37) == 0,
              "%s", out);
    cr_assert(strstr(out, "\r\nanna,Anna,person,Q1,1,1,"), "%s", out);
    /* quotes doubled, field quoted for the comma; control chars dropped */
    cr_assert(strstr(out, "\r\nbank,\"M\xC3\xBCller & <S\xC3\xB6hne>, "
                          "\"\"GmbH\"\" \\ \xF0\x9F\x98\x80!\",organization,,"),
              "%s", out);
    cr_assert_null(strchr(out, '\x01'));
    cr_assert_str_eq(out + strlen(out) - 2, "\r\n");
    free(out);
    rg_network_free(net);
    S_hand_dict_free(dict);
}

Test(write_csv, edges_table)
{
    rg_dict *dict;
    rg_network *net = S_network(&dict, 3);
    char *out = S_write_with(rg_network_write_csv_edges, net, NULL);
    cr_assert(strncmp(out, "Source,Target,Type,Kind,Id,Label,Weight,relation,"
                           "edge_documents,evidence", 72) == 0, "%s", out);
    cr_assert(strstr(out, "\r\nanna,bank,Undirected,cooccurrence,e0,,2,,1,"),
              "%s", out);
    cr_assert(strstr(out, "\r\nanna,korea,Undirected,cooccurrence,"), "%s", out);
    cr_assert(strstr(out, "\r\nanna,korea,Directed,threaten,e2,threaten,1,"
                          "threaten,1,Anna warnt Nordkorea."), "%s", out);
    /* every edge attribute of the schema has its column (new ones too) */
    size_t cols = 7;
    for (size_t k = 0; k < rg_i_attr_count; k++)
        cols += rg_i_attrs[k].domain == RG_ATTR_EDGE &&
                strcmp(rg_i_attrs[k].name, "kind") != 0 &&
                strcmp(rg_i_attrs[k].name, "weight") != 0;
    size_t commas = 0;
    for (const char *p = out; *p != '\r'; p++)
        commas += *p == ',';
    cr_assert_eq(commas + 1, cols);
    cr_assert(strstr(out, "\r\nkorea,anna,Directed,supply,"), "%s", out);
    free(out);
    rg_network_free(net);
    S_hand_dict_free(dict);
}

Test(write_csv, table_paths)
{
    static const char *const cases[][3] = {
        {"net.csv", "net.nodes.csv", "net.edges.csv"},
        {"out/Net.CSV", "out/Net.nodes.csv", "out/Net.edges.csv"},
        {"net.nodes.csv", "net.nodes.csv", "net.edges.csv"},
        {"net.edges.csv", "net.nodes.csv", "net.edges.csv"},
        {"net", "net.nodes.csv", "net.edges.csv"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char *n = rg_csv_table_path(cases[i][0], "nodes");
        char *e = rg_csv_table_path(cases[i][0], "edges");
        cr_assert_str_eq(n, cases[i][1]);
        cr_assert_str_eq(e, cases[i][2]);
        free(n);
        free(e);
    }
    cr_assert_eq(rg_format_from_path("a/net.csv"), RG_FORMAT_CSV);
    cr_assert_eq(rg_format_from_path("net.GEXF"), RG_FORMAT_GEXF);
    cr_assert_eq(rg_format_from_name("json"), RG_FORMAT_JSON);
    cr_assert_eq(rg_network_write(NULL, RG_FORMAT_CSV, stdout), RG_EINVAL);
}

Test(write_csv, write_error_is_eio)
{
    S_full_disk(rg_network_write_csv_nodes);
    S_full_disk(rg_network_write_csv_edges);
}
