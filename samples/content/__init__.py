"""The written content of the sample dossiers, one module per dossier (fictional people and
units). ``DOSSIERS`` lists them in order."""

from samples.content import (
    d01_thpt_hoa_binh,
    d02_ttyt_tan_lac,
    d03_xa_muong_dong,
    d04_khuyen_nong_cao_loc,
    d05_tro_ly_ao_lang_son,
    d06_coppha_lac_son,
    d07_rac_thai_yen_thuy,
    d08_kho_bac_doi_chieu,
    d09_tieu_hoc_kim_dong,
    d10_thcs_muong_khen,
    d11_thu_y_loc_binh,
    d12_du_lich_mai_chau,
    d13_dien_luc_kim_boi,
)

DOSSIERS = tuple(m.DOSSIER for m in (
    d01_thpt_hoa_binh,
    d02_ttyt_tan_lac,
    d03_xa_muong_dong,
    d04_khuyen_nong_cao_loc,
    d05_tro_ly_ao_lang_son,
    d06_coppha_lac_son,
    d07_rac_thai_yen_thuy,
    d08_kho_bac_doi_chieu,
    d09_tieu_hoc_kim_dong,
    d10_thcs_muong_khen,
    d11_thu_y_loc_binh,
    d12_du_lich_mai_chau,
    d13_dien_luc_kim_boi,
))
