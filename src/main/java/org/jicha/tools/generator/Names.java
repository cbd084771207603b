package org.jicha.tools.generator;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Deterministic Chinese personal and business names from one vocabulary. An instance never gives the same name
 * twice (the sample batch, where every name is looked up by hand); the static {@link #anyPerson}/{@link #anyShop}
 * remember nothing, for the streaming province-scale generator, whose memory must not grow with its output.
 */
public final class Names {

    private static final String[] SURNAMES =
            ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
                    .split("");
    private static final String[] GIVEN = ("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国文辉玉兰志强春梅海燕红梅德明小红金凤"
                    + "永福国庆建华淑珍凤英丽华桂芳玉珍光明宏伟晓东俊杰子涵雨轩浩然欣怡思远家豪秋菊长江少华振宇佳琪婷婷")
            .split("");
    private static final String[] SHOP_KINDS = {
        "超市", "便利店", "餐馆", "面馆", "理发店", "药店", "五金店", "农资店", "茶楼", "宾馆", "烧烤店", "服装店", "手机店", "母婴店", "快递站", "干洗店", "汽修店",
        "烟酒店", "火锅店", "水果店"
    };
    private static final String[] PLACES = {
        "城关", "河口", "石桥", "新街", "东门", "西关", "南桥", "北坝", "柳湾", "青石", "龙潭", "白沙", "桃园", "杨柳", "金鸡"
    };

    private final SplittableRandom random;
    private final Set<String> used = new HashSet<>();

    public Names(SplittableRandom random) {
        this.random = random;
    }

    /** A personal name drawn from {@code random}; names may repeat, as they do in a province. */
    public static String anyPerson(SplittableRandom random) {
        String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
        return random.nextInt(3) > 0 ? name + GIVEN[random.nextInt(GIVEN.length)] : name;
    }

    /** A shop name such as 青川城关王记超市 drawn from {@code random}; names may repeat. */
    public static String anyShop(SplittableRandom random, String county) {
        return county + PLACES[random.nextInt(PLACES.length)] + SURNAMES[random.nextInt(SURNAMES.length)] + "记"
                + SHOP_KINDS[random.nextInt(SHOP_KINDS.length)];
    }

    /** A personal name not given before. */
    public String person() {
        for (; ; ) {
            String surname = SURNAMES[random.nextInt(SURNAMES.length)];
            String name = surname + GIVEN[random.nextInt(GIVEN.length)];
            if (random.nextInt(3) > 0) {
                name += GIVEN[random.nextInt(GIVEN.length)];
            }
            if (used.add(name)) {
                return name;
            }
        }
    }

    /** A shop name such as 青川城关王记超市 not given before. */
    public String shop(String county) {
        for (; ; ) {
            String name = county + PLACES[random.nextInt(PLACES.length)] + SURNAMES[random.nextInt(SURNAMES.length)]
                    + "记" + SHOP_KINDS[random.nextInt(SHOP_KINDS.length)];
            if (used.add(name)) {
                return name;
            }
        }
    }

    /** Registers a hand-written name so that generated ones never collide with it. */
    public String fixed(String name) {
        if (!used.add(name)) {
            throw new IllegalStateException("name used twice: " + name);
        }
        return name;
    }
}
