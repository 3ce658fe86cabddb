/*
 * opencc_dict.cc: OpenCC's dictionary entries for C (see opencc_dict.h).
 * Every exception libopencc throws stops here: C callers see -1.
 */
#include "opencc_dict.h"

#include <cstdio>

#include <Lexicon.hpp>
#include <MarisaDict.hpp>

int opencc_dict_each(const char *path, void (*each)(void *ctx, const char *key, const char *value),
                     void *ctx)
{
    FILE *fp = std::fopen(path, "rb");

    if (!fp)
        return -1;
    try {
        opencc::MarisaDictPtr dict = opencc::MarisaDict::NewFromFile(fp);
        opencc::LexiconPtr lex = dict->GetLexicon();

        std::fclose(fp);
        fp = nullptr;
        for (size_t i = 0; i < lex->Length(); i++) {
            const opencc::DictEntry *e = lex->At(i);
            const std::string key = e->Key();

            for (const std::string &v : e->Values())
                each(ctx, key.c_str(), v.c_str());
        }
    } catch (...) { /* a damaged or foreign file, or no memory */
        if (fp)
            std::fclose(fp);
        return -1;
    }
    return 0;
}
