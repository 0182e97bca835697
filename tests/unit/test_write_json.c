/*
 * test_write_json.c — the node-link JSON writer: networkx's keys, one
 * object per node and link with every schema attribute, string escaping
 * (quotes, backslashes, control characters, U+2028), UTF-8 kept, numbers
 * finite, and write errors.
 */
#include "support_writers.h"
#include "writers.h"

Test(write_json, structure)
{
    rg_dict *dict;
    rg_network *net = S_network(&dict, 3);
    char *out = S_write_with(rg_network_write_json, net, NULL);
    cr_assert(strncmp(out, "{\n  \"directed\": true,\n  \"multigraph\": true,\n",
                      44) == 0, "%s", out);
    cr_assert(strstr(out, "\"graph\": {\"name\": \"relgraph\""));
    cr_assert(strstr(out, "\"layers\": \"mixed\""));
    cr_assert(strstr(out, "{\"id\": \"anna\", \"label\": \"Anna\", \"type\": "
                          "\"person\", \"qid\": \"Q1\", \"mentions\": 1,"), "%s", out);
    /* doubles keep a decimal point, ints do not */
    cr_assert(strstr(out, "\"strength\": 3.0"), "%s", out);
    cr_assert(strstr(out, "{\"source\": \"anna\", \"target\": \"bank\", \"key\": "
                          "\"cooccurrence\", \"id\": \"e0\", \"directed\": false, "
                          "\"kind\": \"cooccurrence\", \"relation\": \"\", "
                          "\"weight\": 2.0, \"edge_documents\": 1,"), "%s", out);
    cr_assert(strstr(out, "\"key\": \"threaten\""));
    cr_assert(strstr(out, "\"key\": \"supply\""));
    cr_assert_null(strstr(out, "NaN"));
    cr_assert_null(strstr(out, "INF"));
    cr_assert_str_eq(out + strlen(out) - 5, " ]\n}\n");
    free(out);
    rg_network_free(net);
    S_hand_dict_free(dict);
}

Test(write_json, escaping)
{
    rg_dict *dict;
    rg_network *net = S_network(&dict, 1);
    char *out = S_write_with(rg_network_write_json, net, NULL);
    cr_assert(strstr(out, "\"label\": \"M\xC3\xBCller & <S\xC3\xB6hne>, "
                          "\\\"GmbH\\\" \\\\ \xF0\x9F\x98\x80!\""), "%s", out);
    cr_assert(strstr(out, "\"evidence\": \"zweimal, \\\"so\\\"\"") ||
              strstr(out, "\"evidence\": \"Anna & die <Bank>.\""), "%s", out);
    for (const char *p = out; *p; p++)
        cr_assert((unsigned char)*p >= 0x20 || *p == '\n', "raw control char");
    cr_assert(strstr(out, "\"directed\": false"));
    free(out);
    rg_network_free(net);
    S_hand_dict_free(dict);
}

Test(write_json, line_separators_escaped)
{
    static const S_spec odd[] = {
        {"a", "x\xE2\x80\xA8y\xE2\x80\xA9z\tq\nr\rs", "", RG_TYPE_PERSON}};
    rg_dict *d = S_hand_dict(odd, 1);
    rg_tally *t = rg_i_tally_new(1);
    rg_i_tally_mention(t, 0, 0);
    rg_network *net = NULL;
    cr_assert_eq(rg_i_network_from_tally(t, d, &net), RG_OK);
    char *out = S_write_with(rg_network_write_json, net, NULL);
    cr_assert(strstr(out, "\"label\": \"x\\u2028y\\u2029z\\tq\\nr\\rs\""), "%s", out);
    cr_assert(strstr(out, "\"links\": []"), "%s", out);
    free(out);
    rg_network_free(net);
    rg_i_tally_free(t);
    S_hand_dict_free(d);
}

Test(write_json, write_error_is_eio)
{
    S_full_disk(rg_network_write_json);
}
