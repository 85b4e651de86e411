// Common passwords and the words they are built on, lower-case (1015 entries). Written for this
// project from the well-known published "most common passwords" lists (the top of SecLists' and the
// breach-corpus tallies), not a breach corpus itself: lib/auth/password-policy.ts also refuses these with
// digits or symbols around them, in leetspeak, or repeated, which covers far more than the list's size.
// A production service may add a breached-password check (e.g. a k-anonymity range query) on top.
const LIST = `
000000 007007 010203 0987654321 102030 1111 111111 11111111 112211 112233 11223344 121212 121314 123123
123123123 123321 1234 12341234 12345 123456 1234567 12345678 123456789 1234567890 123456a 123456q 1234abcd
1234qwer 123654 123abc 123qwe 13 131313 131415 1337 147258 147258369 159357 159753 1q2w3e 1q2w3e4r 1q2w3e4r5t
1q2w3e4r5t6y 1qaz2wsx 1qaz2wsx3edc 1qaz2wsx3edc4rfv 1qazxsw2 2000 258456 321321 369258 420 456456 555555
654321 666 666666 69 696969 741852963 777777 7777777 789789 852456 987654 987654321 a12345 a123456 aa123456
aaaaaa abc123 abc12345 abcd1234 abcdef abcdefg abcdefgh access access1 access14 adgangskode admin admin1
admin123 administrator administrator1 adobe africa air alien aliens always amanda amazon amen america amore
amour andrew android android1 andromeda angel angel1 angels animal animals anonymous anything apollo apple
april army arsenal asdf asdf1234 asdfasdf asdfgh asdfghjkl asdzxc ashley asia assassin audi august austin
australia autumn avengers azerty azertyuiop baby baby1 babyboy babygirl babygirl1 bacon balance banana
barcelona baseball baseball1 basketball batman batman1 battlefield bayern beach bear bebe beef beer believe
berlin bestfriend bible billion bird birds birthday bitcoin biteme black blessed blessing blink182 blossom
blue blueberry blues bmw bond007 bonjour boss boston boxing brazil bread broncos brother brown bubbles bulls
burger business buster butter buttercup butterfly cake california callofduty camaro camping canada candy canon
captain cariño carrot cash cat cats celtics champion changeit changeme changeme1 changemenow charizard charlie
cheese cheese1 chelsea chelsea1 cherry chevy chicago chicken chicken1 china chocolate chouchou christ
christmas chucknorris church ciao cisco cloud cobra coco coffee college computer computer1 confidential
contrasena contraseña cookie cookies corazon correcthorsebatterystaple corvette cosmos counterstrike cow
cowboys crazy cricket crypto crystal cupcake cyber cyborg cycling daddy daisy dallas dance daniel darkness
darling database daughter december default default1 dell demo demo123 desktop destiny diablo diamond disco
doctor doctorwho dodgers dog doggy dogs dollar dolphin doom dota doudou dragon dragon1 dragonball dream
dreamer dreams drift drums ducati duck dumbledore eagle eagles earth easter ebay education elephant eleven
elite emerald engine england europe facebook faith falcon fall family fate father february ferrari fighter
fire fireman fish fisher fishing florida flower football football1 ford forest forever fortnite france freedom
freedom1 friday friend friends frodo frog frozen fuckoff fuckyou funny galaxy galaxy1 gamer gaming gandalf
garden geheim george germany geslo giants ginger giraffe glitter gmail god godisgood goku gold golden golf
goodbye goodmorning goodnight google gorilla grace green gta guest guest1 guitar hacker hacking hallo
halloween halo happy happy1 happyday harley harley1 harmony harrypotter haslo hawk heaven heaven1 hell hello
hello1 hello123 hellokitty helloworld helloworld123 hermione hero heroes heslo hi hiphop hippo history hithere
hobbit hockey hockey1 hogwarts hola holiday hollywood holy honda honey hope horse horses hotmail hugs hulk
hunter hunter1 hunting ice ichangedmypassword ihateyou iloveme iloveu iloveyou iloveyou1 iloveyou2
iloveyoubaby iloveyouforever iloveyousomuch imagine india inspire instagram internet internet1 iphone ireland
ironman island italy jaguar jamesbond january japan jasmine jazz jedi jelszo jennifer jessica jesus jesus1
jordan joshua judo juju july june jupiter justdoit justice juventus kangaroo karate karma kawasaki kennwort
key keyboard keys killer killer1 king kingdom kisses kitten kitty klaster knight koala korea kungfu lakers
lamborghini laptop laugh league leagueoflegends leet legend legendary lemon lenovo letmein letmein! letmein1
letmein123 letmeinnow letmeinplease liberty liebe lightning lily link linkedin linux lion liverpool lkjhgfdsa
lock login login1 logon lolo london lord losenord loulou love love123 lovely loveme lover lovers loveu loveyou
lozinka lucky lucky7 luigi lulu machine maggie magic mama mamma manager manchester mango manutd march marine
mario mars martin marvel master master1 master123 matrix matrix1 matthew may mercedes mercury merlin metal
mexico miami michael michelle microsoft midnight milan million mimi minecraft mnbvcxz mobilemail modem mom
mommy monday money money1 monitor monitor1 monitoring monkey monkey1 montana moon moonlight morpheus moscow
motdepasse mother motor motorola mountain mouse music mustang mustang1 mylove mypass mypassword mypasswordis
myspace mysql nana naruto nature navy nebula neo neptune netflix network neverforget nevergiveup nevermind
newyork nicole nigeria nikon nini ninja nintendo nissan nitro nokia nopass nopassword nothing nova november
nurse ocean october office ola open opensesame opensesame1 oracle oracle1 orange orange1 orchid orion outdoor
outlook overwatch owl p4ssw0rd p@ssw0rd pa55w0rd pa55word packers pacman pakistan panasonic panda panther papa
paradise paris parola parool parrot party pass pass123 pass1234 passord passpass passw0rd passw0rd1 password
password! password0 password01 password1 password12 password123 password1234 password2 password3 password99
passwordpassword passwort pasta patriots paypal peace peach pearl pegasus penguin pepper philippines phoenix
photoshop piano pie pig pikachu pink pizza planet player player1 playstation pleaseletmein pluto poiuytrewq
pokemon police pony popstar pork porsche postgres potato potter prayer prince princess princess1 printer
private protect protected pumpkin punk puppy purple python q1w2e3r4 q1w2e3r4t5 qazwsx qazwsxedc qazwsxedcrfv
qazwsxedcrfvtgb qq123456 queen qweasd qweasdzxc qwer qwer1234 qwerty qwerty1 qwerty12 qwerty123 qwerty1234
qwertyui qwertyuiop qwertyuiopasdfghjkl qwertyuiopasdfghjklzxcvbnm qwertz qwertzuiop racer racing raiders rain
rainbow rambo ranger rap realmadrid red redsox rhino rich river robert roblox robot rock rocket rockstar rocky
root root123 rose router royal ruby rugby running russia safety salasana sample samsung samurai sapphire
saturday saturn savior schatz school science scotland seattle secret secret1 secret123 secure secure123
security senha september server sesame seven shadow shadow1 shark sherlock shield shogun sifre silver sister
skater sky skywalker smile snake snapchat sniper snow snowball snowman soccer soccer1 soldier something son
sonic sony soulmate spaceship spain sparkle speed spider spiderman spotify spring sql star starcraft starlight
starlight1 stars starwars starwars1 steam steelers storm strawberry student success sugar summer summer1
sunday sunflower sunrise sunset sunshine sunshine1 superman superman1 supersecret superstar surfer sushi
suzuki sweet sweetheart sweetie sweety swimming system taco tardis tata taylor tea teacher teddy teddybear
telegram temp temp123 temporary tennis tequila terminator tesoro test test1 test123 tester testing tetris
texas thequickbrownfox thequickbrownfoxjumpsoverthelazydog thirteen thisisapassword thisismypassword thomas
thor thunder thunder1 thursday tiger tigger tiktok titi together tokyo tomato toor topsecret toto toyota
trinity trustme trustno1 trustnoone tuesday tulip turbo turtle twilight twinkle twitch twitter ubuntu ufo
unicorn universe university unlock usa user user1 user123 vacation vader valorant vanilla vegas vegeta venus
victory vietnam viper vodka voldemort volleyball wachtwoord warcraft warrior water wednesday weekend welcome
welcome1 welcome12 welcome123 whatever whatever1 whatsapp whiskey white wifi william wind windows wine winner
winter winter1 wireless wizard wolf work worker xbox yahoo yamaha yankees yankees1 yellow yoda yourpass
youtube youwillneverguess zaq12wsx zaq1xsw2 zebra zelda zen zion zxcv1234 zxcvbn zxcvbnm zxcvbnm1
`;

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter(Boolean));
